/**
 * What `tcim-harness calibrate` asks a target: one point per doc-silent choice it can probe, named by its
 * field in the expectations file (tcim.expect.json, the `expectations` shape of schemas/config.schema.json)
 * and by its choice in schemas/limits.json, whose `docs` say what the docs leave open.
 */
import { choices, type CodeChoiceName, type CountChoiceName, type FormChoiceName } from '../../src/rules/index.ts';
import { scopeOf } from '../../src/errors/index.ts';
import type { TcimExpectations } from '../config/index.ts';

export type ChoiceName = CodeChoiceName | CountChoiceName | FormChoiceName;
/** Fields of the expectations file a probe answers (scope is per code, below). */
export type PointField = Exclude<keyof TcimExpectations, '$schema' | 'scope' | 'calibration' | 'throttleBurst'>;

export interface Point {
  field: PointField;
  choice: ChoiceName;
}

const code = (choice: CodeChoiceName): Point => ({ field: `${choice}Code` as PointField, choice });

export const POINTS: readonly Point[] = [
  code('throttle'),
  { field: 'limiter', choice: 'limiter' },
  code('nonAdmin'),
  code('duplicateGroupName'),
  code('customMarkTooLong'),
  code('searchTooMany'),
  { field: 'firstGroupId', choice: 'firstGroupId' },
  { field: 'pageSize', choice: 'pageSize' },
  { field: 'markBitOrder', choice: 'markBitOrder' },
  { field: 'markPadding', choice: 'markPadding' },
  { field: 'emptyFields', choice: 'emptyFields' },
  { field: 'errorText', choice: 'errorText' },
  { field: 'errorDisplay', choice: 'errorDisplay' },
];

/** What the docs say (or leave open) about a field of the expectations file; scope.<code> fields too. */
export function docsOf(field: string): string {
  if (field.startsWith('scope.')) return `where ${field.slice('scope.'.length)} is answered (top-level ErrorCode or per-item ResultCode): the error tables do not say`;
  const p = POINTS.find((x) => x.field === field);
  return p ? choices[p.choice].docs : field;
}

/** The harness's default answer of a field (what the embedded emulator answers). */
export function defaultOf(field: string): string | number | undefined {
  if (field.startsWith('scope.')) return scopeOf(Number(field.slice('scope.'.length)));
  const p = POINTS.find((x) => x.field === field);
  return p ? choices[p.choice].default : undefined;
}
