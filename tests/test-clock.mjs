// The test suites' one clock. tests/test-clock.json holds the date-time every test treats as
// "now" (local time in Europe/London); DOORSTEP_TEST_NOW=YYYY-MM-DDTHH:MM moves it for one run.
// Browser tests get it through tests/browser/lib.mjs (the page's clock is pinned to it);
// `make test-dates` (scripts/test-dates) asks this file for the instant to give faketime:
//   node tests/test-clock.mjs [YYYY-MM-DDTHH:MM]    prints "@<seconds since the epoch>"
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLOCK_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-clock.json');
const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
function checkedWall(text, where) {
  if (!WALL.test(text || '')) throw new Error(`${where}: "${text}" is not a local date-time YYYY-MM-DDTHH:MM`);
  return text;
}
export const TEST_NOW = process.env.DOORSTEP_TEST_NOW
  ? checkedWall(process.env.DOORSTEP_TEST_NOW, 'DOORSTEP_TEST_NOW')
  : checkedWall(JSON.parse(fs.readFileSync(CLOCK_FILE, 'utf8')).now, CLOCK_FILE);

// The suite's "now" as a local wall time "YYYY-MM-DDTHH:MM", and its date "YYYY-MM-DD".
export const testNow = () => TEST_NOW;
export const testToday = () => TEST_NOW.slice(0, 10);

// The calendar date `days` after `from` (default: the suite's today), as "YYYY-MM-DD".
export function isoDaysFrom(days, from = testToday()) {
  const [y, m, d] = from.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// London's offset from UTC in minutes at an instant (0 in winter, 60 in summer).
function londonOffsetMinutes(ms) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  return Math.round((asUtc - Math.floor(ms / 60000) * 60000) / 60000);
}

// The instant (ms since the epoch) at which London's clocks show `wall`. A wall time the
// spring change skips (01:30 on its day) is the instant an hour on; one the autumn change
// shows twice is its first showing.
export function londonInstant(wall) {
  const [, y, mo, d, h, mi] = checkedWall(wall, 'a test clock').match(WALL).map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const shows = (ms) => londonOffsetMinutes(ms) * 60000 === asUtc - ms;
  const first = asUtc - londonOffsetMinutes(asUtc - 60 * 60000) * 60000;
  const second = asUtc - londonOffsetMinutes(asUtc) * 60000;
  return shows(first) || !shows(second) ? first : second;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(`@${Math.round(londonInstant(process.argv[2] || TEST_NOW) / 1000)}`);
}
