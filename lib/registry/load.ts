// Reads a registry file and reports every problem as `file:line: path: message`, so whoever edits
// coins.config.json (or a user's coin file) by hand is sent to the exact line.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';

import { registryFileSchema, type PoolSiteEntry, type RegistryEntry } from './schema';

/** Beyond this many, the rest of a file's problems are counted, not listed. */
const MAX_REPORTED = 10;

/** The shipped registry, relative to the app's working directory (the repository root). */
export const SHIPPED_REGISTRY_PATH = path.join('lib', 'registry', 'coins.config.json');

export type RegistryIssue = {
  line: number;
  /** Only for JSON syntax errors, where the column matters. */
  column?: number;
  /** `coins[3].source.url`; empty for the document itself. */
  path: string;
  message: string;
};

export class RegistryError extends Error {
  readonly file: string;
  readonly issues: readonly RegistryIssue[];

  constructor(file: string, issues: readonly RegistryIssue[], message?: string, options?: { cause?: unknown }) {
    super(message ?? formatIssues(file, issues), options);
    this.name = 'RegistryError';
    this.file = file;
    this.issues = issues;
  }
}

function formatIssues(file: string, issues: readonly RegistryIssue[]): string {
  const lines = issues.slice(0, MAX_REPORTED).map((issue) => {
    const where = issue.column === undefined ? `${issue.line}` : `${issue.line}:${issue.column}`;
    return `${file}:${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
  });
  if (issues.length > MAX_REPORTED) lines.push(`${file}: and ${issues.length - MAX_REPORTED} more problems`);
  return lines.join('\n');
}

/** 1-based line and column of a character offset. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

type JsonPath = (string | number)[];

function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

const jsonPath = (segments: readonly PropertyKey[]): JsonPath =>
  segments.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number');

/** The deepest node that exists along `segments`, and whether it is the whole path. */
function locate(tree: Node, segments: JsonPath): { node: Node; exact: boolean } {
  for (let length = segments.length; length > 0; length -= 1) {
    const node = findNodeAtLocation(tree, segments.slice(0, length));
    // A property's value: point at the property (its key), which is where the eye goes.
    if (node) return { node: node.parent?.type === 'property' ? node.parent : node, exact: length === segments.length };
  }
  return { node: tree, exact: segments.length === 0 };
}

/** JSON.parse keeps the last of two equal keys without a word; a hand-edited file deserves one. */
function duplicateKeys(node: Node, at: (offset: number) => { line: number }, trail: JsonPath, out: RegistryIssue[]) {
  if (node.type === 'object') {
    const seen = new Map<string, number>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      const first = seen.get(key);
      if (first !== undefined) {
        out.push({
          line: at(property.offset).line,
          path: formatPath([...trail, key]),
          message: `key "${key}" appears twice (first at line ${first}); only the last would count`,
        });
      } else {
        seen.set(key, at(property.offset).line);
      }
      if (valueNode) duplicateKeys(valueNode, at, [...trail, key], out);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, index) => duplicateKeys(child, at, [...trail, index], out));
  }
}

function issueFromZod(tree: Node, at: (offset: number) => { line: number }, issue: z.core.$ZodIssue): RegistryIssue {
  let segments = jsonPath(issue.path);
  // An unknown key: point at the key itself rather than at the object holding it.
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
    segments = [...segments, issue.keys[0]];
    const { node } = locate(tree, segments);
    const names = issue.keys.map((k) => `"${k}"`).join(', ');
    return { line: at(node.offset).line, path: formatPath(issue.path), message: `unknown key ${names} (a typo?)` };
  }
  const { node, exact } = locate(tree, segments);
  let message = issue.message;
  if (!exact && issue.code === 'invalid_type') message = `is required (${issue.expected})`;
  const duplicateOf = issue.code === 'custom' ? (issue.params as { duplicateOf?: PropertyKey[] } | undefined)?.duplicateOf : undefined;
  if (duplicateOf) message += `, first at line ${at(locate(tree, jsonPath(duplicateOf)).node.offset).line}`;
  return { line: at(node.offset).line, path: formatPath(issue.path), message };
}

/** A registry file's contents: its coins, and (the user's file only) the pool sites added on the page. */
export type RegistryDocument = { coins: RegistryEntry[]; poolSites: PoolSiteEntry[] };

/** Parses a registry document; throws RegistryError naming the file and line of each problem. */
export function parseRegistry(text: string, fileLabel: string): RegistryEntry[] {
  return parseRegistryDocument(text, fileLabel).coins;
}

/** parseRegistry with the pool sites too. */
export function parseRegistryDocument(text: string, fileLabel: string): RegistryDocument {
  const at = lineIndex(text);
  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, { disallowComments: true, allowTrailingComma: false });
  if (syntax.length > 0 || !tree) {
    const issues = syntax.map((error) => ({
      ...at(error.offset),
      path: '',
      message: `JSON syntax error: ${printParseErrorCode(error.error)}`,
    }));
    throw new RegistryError(fileLabel, issues.length > 0 ? issues : [{ line: 1, column: 1, path: '', message: 'empty file' }]);
  }
  const duplicates: RegistryIssue[] = [];
  duplicateKeys(tree, at, [], duplicates);
  if (duplicates.length > 0) throw new RegistryError(fileLabel, duplicates);

  const parsed = registryFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => issueFromZod(tree, at, issue));
    issues.sort((left, right) => left.line - right.line);
    throw new RegistryError(fileLabel, issues);
  }
  return { coins: parsed.data.coins, poolSites: parsed.data.poolSites ?? [] };
}

/**
 * Reads and parses a registry file. A missing file is an empty registry when `optional` (the
 * user's own coins, before they add one) and an error otherwise (the shipped registry).
 */
export function loadRegistryFile(filePath: string, options: { optional: boolean }): RegistryEntry[] {
  return loadRegistryDocument(filePath, options).coins;
}

/** loadRegistryFile with the pool sites too. */
export function loadRegistryDocument(filePath: string, options: { optional: boolean }): RegistryDocument {
  const label = path.basename(filePath);
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && options.optional) return { coins: [], poolSites: [] };
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read';
    throw new RegistryError(label, [], `${label}: ${reason} (${filePath})`, { cause: error });
  }
  return parseRegistryDocument(text, label);
}

/** The registry shipped with the app; throws when it is missing or invalid. */
export function loadShippedRegistry(root: string = process.cwd()): RegistryEntry[] {
  return loadRegistryFile(path.join(root, SHIPPED_REGISTRY_PATH), { optional: false });
}
