/**
 * dockerfile-ast's argument scan (Instruction.getRawArguments, dockerfile-ast 0.7.1), ported to char codes.
 * The parser runs it on every instruction, and it was a fifth of the time to lint a Dockerfile: a string per
 * character and a validated Range per argument. Same arguments, values and ranges: a test compares the two
 * on every instruction of the fixture Dockerfiles and of the peers' test cases.
 */
import { Argument } from 'dockerfile-ast';

/** The parts of dockerfile-ast's Instruction the scan reads. */
export interface ScannedInstruction {
  readonly escapeChar: string;
  readonly document: {
    offsetAt(p: { line: number; character: number }): number;
    positionAt(offset: number): { line: number; character: number };
  };
  getInstructionRange(): {
    start: { line: number; character: number };
    end: { line: number; character: number };
  };
  getTextContent(): string;
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;
const DOLLAR = 0x24;

const isWhitespace = (c: number): boolean => c === SPACE || c === TAB || c === CR || c === LF;

export function scanRawArguments(inst: ScannedInstruction): Argument[] {
  const args: Argument[] = [];
  const doc = inst.document;
  const range = inst.getInstructionRange();
  const start = doc.offsetAt(range.start);
  const extra = doc.offsetAt(range.end) - start;
  const fullArgs = inst.getTextContent().substring(extra);
  const offset = start + extra;
  const escapeChar = inst.escapeChar.charCodeAt(0);
  const arg = (value: string, from: number, to: number): Argument =>
    new Argument(value, { start: doc.positionAt(offset + from), end: doc.positionAt(offset + to) });
  let start1 = false;
  let comment = false;
  let found = -1;
  // whether a space or tab was found that is part of an escaped newline sequence
  let escapedWhitespaceDetected = false;
  // whether the scan is in an escaped newline sequence
  let escaping = false;
  let escapeMarker = -1;
  let escapedArg = '';
  const n = fullArgs.length;
  for (let i = 0; i < n; i++) {
    const c = fullArgs.charCodeAt(i);
    if (isWhitespace(c)) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (c === CR || c === LF) {
          // a newline: whitespace seen before it does not count
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start1 = true;
          }
        }
        continue;
      } else if (found !== -1) {
        args.push(arg(escapedArg, found, escapeMarker === -1 ? i : escapeMarker));
        escapeMarker = -1;
        escapedArg = '';
        found = -1;
      }
    } else if (c === escapeChar) {
      const next = i + 1 < n ? fullArgs.charCodeAt(i + 1) : -1;
      if (next === SPACE || next === TAB) {
        for (let j = i + 2; j < n; j++) {
          let d = fullArgs.charCodeAt(j);
          if (d === SPACE || d === TAB) continue;
          if (d === CR) {
            j++;
            d = LF;
          }
          if (d === LF) {
            comment = false;
            escaping = true;
            start1 = true;
            if (found !== -1) escapeMarker = i;
            i = j;
          } else {
            escapeMarker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === CR) {
        comment = false;
        escaping = true;
        start1 = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === LF) {
        comment = false;
        escaping = true;
        start1 = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(arg(escapedArg, found, escapeMarker));
          escapedArg = '';
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === DOLLAR) escapedArg += fullArgs[i]! + fullArgs[i + 1]!;
        else if (next === -1)
          break; // the text ends with the escape character
        else escapedArg += fullArgs[i + 1]!;
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start1 && c === HASH) {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(arg(escapedArg, found, escapeMarker));
          escapedArg = '';
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        // A run of plain characters is appended at once, not one string per character.
        let j = i + 1;
        while (j < n) {
          const d = fullArgs.charCodeAt(j);
          if (isWhitespace(d) || d === escapeChar) break;
          j++;
        }
        escapedArg += j === i + 1 ? fullArgs[i]! : fullArgs.slice(i, j);
        if (found === -1) found = i;
        i = j - 1;
      }
      // a character other than whitespace: no longer at the start of a line
      start1 = false;
    }
  }
  if (found !== -1) args.push(arg(escapedArg, found, escapeMarker === -1 ? n : escapeMarker));
  return args;
}
