"""redis-py (Debian's python3-redis) against a NenCache server: the calls a
Python application makes, with redis-py's own reply parsing. Exits non-zero
on the first failed check. Usage: redis_py_client.py PORT"""
import sys
import threading
import time

import redis

port = int(sys.argv[1])
r = redis.Redis(host='127.0.0.1', port=port)
s = redis.Redis(host='127.0.0.1', port=port, decode_responses=True)


def expect_error(fn, text):
    try:
        fn()
    except redis.ResponseError as e:
        assert str(e) == text, (str(e), text)
        return
    raise AssertionError('no error, expected ' + text)


assert r.ping() is True
r.flushall()

# Strings: binary values, options, counters, big values.
assert r.set(b'\x00\xffkey', b'\x00\r\n\xff') is True
assert r.get(b'\x00\xffkey') == b'\x00\r\n\xff'
assert r.set('e', '') is True and r.get('e') == b''
assert r.get('missing') is None
assert r.set('a', 'v', ex=100) is True and 99 <= r.ttl('a') <= 100
assert r.set('a', 'w', nx=True) is None
assert r.set('a', 'w', get=True) == b'v'
assert r.pttl('a') == -1
assert r.incr('n') == 1 and r.incrby('n', 9) == 10 and r.decr('n') == 9
assert r.incrbyfloat('f', 1.5) == 1.5 and r.incrbyfloat('f', '1e2') == 101.5
assert r.mset({'m1': 1, 'm2': 2}) is True
assert r.mget('m1', 'm2', 'nope') == [b'1', b'2', None]
assert r.getex('m1', px=5000) == b'1' and r.pttl('m1') > 0
assert r.getdel('m2') == b'2' and r.exists('m2') == 0
assert r.append('ap', 'ab') == 2 and r.setrange('ap', 4, 'z') == 5 and r.get('ap') == b'ab\x00\x00z'
assert s.lcs('m1', 'ap') == ''
big = b'x' * (8 << 20)
assert r.set('big', big) is True and r.get('big') == big and r.strlen('big') == len(big)
r.set('i', 9223372036854775807)
expect_error(lambda: r.incr('i'), 'increment or decrement would overflow')
expect_error(lambda: r.lpush('a', 1), 'WRONGTYPE Operation against a key holding the wrong kind of value')
expect_error(lambda: r.execute_command('NOPE', 'x'), "unknown command 'NOPE', with args beginning with: 'x' ")
expect_error(lambda: r.execute_command('GET'), "wrong number of arguments for 'get' command")

# Keys and expiry.
assert r.expire('m1', 100, nx=True) is False and r.expire('n', 100, nx=True) is True
assert r.expiretime('n') > time.time() and r.persist('n') is True
assert r.type('a') == b'string' and r.type('nope') == b'none'
assert r.copy('a', 'a2') is True and r.rename('a2', 'a3') is True and r.get('a3') == b'w'
assert r.restore('a4', 0, r.dump('a3')) == b'OK' and r.get('a4') == b'w'
assert sorted(s.scan_iter(match='m*')) == ['m1']
assert r.dbsize() == len(r.keys())
assert s.object('encoding', 'n') == 'int'

# Hashes, lists, sets, sorted sets.
assert r.hset('h', mapping={'f1': 'v1', 'f2': 2}) == 2
assert s.hgetall('h') == {'f1': 'v1', 'f2': '2'}
assert r.hincrbyfloat('h', 'f2', 0.5) == 2.5
assert len(r.hrandfield('h', 5, withvalues=True)) == 4
assert dict(s.hscan('h')[1]) == {'f1': 'v1', 'f2': '2.5'}
assert r.rpush('l', 1, 2, 3) == 3 and s.lrange('l', 0, -1) == ['1', '2', '3']
assert r.lpos('l', 2) == 1
assert s.lmpop(2, 'none', 'l', direction='LEFT', count=2) == ['l', ['1', '2']]
assert s.blpop(['l'], timeout=1) == ('l', '3')
assert r.blpop(['l'], timeout=0.1) is None
assert r.sadd('s', 1, 2, 3) == 3 and s.smembers('s') == {'1', '2', '3'}
assert r.smismember('s', [1, 5]) == [1, 0] and r.sintercard(1, ['s'], limit=2) == 2
assert r.zadd('z', {'a': 1, 'b': 2.5, 'c': 3}) == 3
assert s.zrange('z', 0, -1, withscores=True) == [('a', 1.0), ('b', 2.5), ('c', 3.0)]
assert s.zrangebyscore('z', '(1', '+inf') == ['b', 'c']
assert r.zincrby('z', 0.1, 'a') == 1.1 and r.zmscore('z', ['a', 'x']) == [1.1, None]
assert s.zpopmin('z') == [('a', 1.1)] and s.bzpopmax(['z'], 1) == ('z', 'c', 3.0)
assert s.zunion(['z', 'z'], withscores=True) == [('b', 5.0)]
assert r.zrank('z', 'b') == 0

# Bitmaps and HyperLogLog.
assert r.setbit('bits', 7, 1) == 0 and r.bitcount('bits') == 1
assert r.bitfield('bf').set('u8', 0, 255).get('u4', 0).incrby('i8', 8, 200).execute() == [0, 15, -56]
assert r.pfadd('hll', 'a', 'b', 'c') == 1 and r.pfcount('hll') == 3

# Transactions: queue-time and run-time errors, WATCH.
p = r.pipeline(transaction=True)
p.set('tx', 1).incr('tx').lpush('tx', 1).get('tx')
res = p.execute(raise_on_error=False)
assert res[:2] == [True, 2] and isinstance(res[2], redis.ResponseError) and res[3] == b'2'
with r.pipeline() as p:
    p.watch('w')
    r.set('w', 'other')
    p.multi()
    p.set('w', 'mine')
    try:
        p.execute()
        raise AssertionError('WATCH did not abort the transaction')
    except redis.WatchError:
        pass
assert r.get('w') == b'other'

# Pipelines without a transaction.
p = r.pipeline(transaction=False)
for i in range(1000):
    p.set(f'p{i}', i)
for i in range(1000):
    p.get(f'p{i}')
res = p.execute()
assert len(res) == 2000 and res[-1] == b'999'

# Pub/sub: subscribe confirmations, a message, pattern messages, PUBSUB introspection.
ps = r.pubsub()
ps.subscribe('ch')
ps.psubscribe('c*')
assert ps.get_message(timeout=1)['type'] == 'subscribe'
assert ps.get_message(timeout=1)['type'] == 'psubscribe'
assert r.publish('ch', 'hello') == 2
got = [ps.get_message(timeout=1) for _ in range(2)]
assert {m['type'] for m in got} == {'message', 'pmessage'} and all(m['data'] == b'hello' for m in got)
assert r.pubsub_numsub('ch') == [(b'ch', 1)] and r.pubsub_numpat() == 1 and r.pubsub_channels() == [b'ch']
ps.close()

# A blocked client served by another connection.
out = []
t = threading.Thread(target=lambda: out.append(redis.Redis(port=port).brpop('q', 5)))
t.start()
time.sleep(0.1)
r.lpush('q', 'job')
t.join()
assert out == [(b'q', b'job')]

# Server introspection that redis-py parses into Python types.
info = r.info()
assert info['redis_version'] == '7.0.15' and info['connected_clients'] >= 1 and 'db0' in info
assert 'used_cpu_user_main_thread' in r.info('cpu')
lat = r.info('latencystats')
assert 'p50' in lat['latency_percentiles_usec_get']
assert r.info('commandstats')['cmdstat_get']['calls'] >= 1
assert r.client_setname('py') is True and r.client_getname() == 'py'
me = [c for c in r.client_list() if c['name'] == 'py']
assert len(me) == 1 and r.client_info()['name'] == 'py'
assert r.config_get('maxmemory-policy') == {'maxmemory-policy': 'noeviction'}
assert r.config_set('slowlog-log-slower-than', 0) is True
r.get('a')
assert r.slowlog_len() >= 1 and isinstance(r.slowlog_get(1)[0]['duration'], int)
r.config_set('slowlog-log-slower-than', 10000)
assert 'keys.count' in r.memory_stats() and r.memory_usage('big') >= len(big)
assert r.command_count() > 150
assert len(r.time()) == 2
assert r.swapdb(0, 1) is True and redis.Redis(port=port, db=1).get('a') == b'w'
assert r.swapdb(0, 1) is True
assert r.execute_command('RESET') == 'RESET'
print('ok')
