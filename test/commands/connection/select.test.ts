// SELECT index
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps
// (the server under test runs on a FakeClock; { advance } steps move it).
import { runCases, type Case } from '../generic/harness.js';

const cases: Case[] = [
  {
    name: 'SELECT changes the database of the connection',
    steps: [
      [['SET', 'k', 'zero'], '+OK\r\n'],
      [['SELECT', '1'], '+OK\r\n'],
      [['GET', 'k'], '$-1\r\n'],
      [['SET', 'k', 'one'], '+OK\r\n'],
      [['SELECT', '15'], '+OK\r\n'],
      [['GET', 'k'], '$-1\r\n'],
      [['SELECT', '0'], '+OK\r\n'],
      [['GET', 'k'], '$4\r\nzero\r\n'],
      [['SELECT', '1'], '+OK\r\n'],
      [['GET', 'k'], '$3\r\none\r\n'],
      [['SELECT', '0'], '+OK\r\n'],
    ],
  },
  {
    name: 'SELECT an out of range DB',
    steps: [
      [['SELECT', '1000000'], '-ERR DB index is out of range\r\n'],
      [['SELECT', '16'], '-ERR DB index is out of range\r\n'],
      [['SELECT', '-1'], '-ERR DB index is out of range\r\n'],
      [['SELECT', '2147483647'], '-ERR DB index is out of range\r\n'],
      [['SELECT', '-2147483648'], '-ERR DB index is out of range\r\n'],
    ],
  },
  {
    name: 'SELECT with a value that is not an int32',
    steps: [
      [['SELECT', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['SELECT', '1.5'], '-ERR value is not an integer or out of range\r\n'],
      [['SELECT', ''], '-ERR value is not an integer or out of range\r\n'],
      [['SELECT', ' 1'], '-ERR value is not an integer or out of range\r\n'],
      [['SELECT', '01'], '-ERR value is not an integer or out of range\r\n'],
      [['SELECT', '+1'], '-ERR value is not an integer or out of range\r\n'],
      [['SELECT', '2147483648'], '-ERR value is out of range, value must between -2147483648 and 2147483647\r\n'],
      [['SELECT', '-2147483649'], '-ERR value is out of range, value must between -2147483648 and 2147483647\r\n'],
      [['SELECT', '99999999999999999999'], '-ERR value is not an integer or out of range\r\n'],
      [['SELECT', '9223372036854775807'], '-ERR value is out of range, value must between -2147483648 and 2147483647\r\n'],
    ],
  },
  {
    name: 'A failed SELECT keeps the current database',
    steps: [
      [['SELECT', '3'], '+OK\r\n'],
      [['SET', 'k', 'v'], '+OK\r\n'],
      [['SELECT', '16'], '-ERR DB index is out of range\r\n'],
      [['GET', 'k'], '$1\r\nv\r\n'],
      [['SELECT', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['GET', 'k'], '$1\r\nv\r\n'],
      [['SELECT', '0'], '+OK\r\n'],
    ],
  },
  {
    name: 'SELECT rejects a wrong number of arguments',
    steps: [
      [['SELECT'], '-ERR wrong number of arguments for \'select\' command\r\n'],
      [['SELECT', '1', '2'], '-ERR wrong number of arguments for \'select\' command\r\n'],
    ],
  },
];

runCases('SELECT', cases);
