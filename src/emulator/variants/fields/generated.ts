/**
 * The generated family: one mechanical mutant per documented response field (inventory.ts), built from
 * data — no hand edit per field. A field the schema requires (always, on success, in its object, or by an
 * if/then) is left out (`drop-…`); an optional field, which a server may leave out, gets the wrong JSON
 * type (`mistype-…`). One corruption per field keeps the self-check's cost linear in the fields; wrong values
 * and disagreements, where the semantics matter, are hand-written (values/, consistency/).
 *
 * Each mutant corrupts its field only in successful answers of its command (the envelope: in every answer
 * of the six commands), names the tests that see that command's full answer (seen-by.ts), and carries a
 * generated probe: the scenario that yields the field (scenarios.ts), observing the field's JSON types.
 * A hand-written variant that already makes exactly this one corruption (its `fields` is that single
 * entry) replaces the generated one.
 */
import { isSuccess, replaceAnswer } from '../corrupt.ts';
import type { CatalogueVariant, FieldCorruption } from '../types.ts';
import { ENVELOPE, pathText, responseFields, type ResponseField } from './inventory.ts';
import { dropAt, mistypeAt, mistypedAs, typesAt } from './mutate.ts';
import { SCENARIOS } from './scenarios.ts';
import { SEEN_BY } from './seen-by.ts';

/** The mechanical kinds of the family. */
export type MechanicalKind = Extract<FieldCorruption, 'drop' | 'mistype'>;

/** The one mechanical corruption of a field: drop where the schema requires it, mistype where it is optional. */
export const mechanicalKind = (f: ResponseField): MechanicalKind => (f.presence === 'optional' ? 'mistype' : 'drop');

/** `get_contact_group` → `get`, `mark_contact` → `mark`; the envelope stays `envelope`. */
const shortCommand = (command: string): string => command.replace(/_contact(_group)?$/, '');
const kebab = (s: string): string =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** The variant name of a field's corruption: `drop-get-contact-item-timestamp`. */
export const generatedName = (f: ResponseField, kind: MechanicalKind): string => `${kind}-${kebab(shortCommand(f.command))}-${kebab(f.path.filter((s) => s !== '[]').join('-'))}`;

const article = (t: string): string => `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`;
const always = (): boolean => true;

function where(f: ResponseField): string {
  return f.command === ENVELOPE ? 'the six conversation-group commands answer' : `${f.command} answers successes`;
}

/** The generated mutant of `kind` for field `f`. */
export function fieldVariant(f: ResponseField, kind: MechanicalKind): CatalogueVariant {
  const scenario = SCENARIOS[f.command];
  const seenBy = SEEN_BY[f.command];
  if (!scenario || !seenBy) throw new Error(`generated field mutants: no probe scenario or seenBy for command ${f.command} (fields/scenarios.ts, fields/seen-by.ts)`);
  const field = pathText(f.path);
  const wrong = mistypedAs(f.type);
  return {
    name: generatedName(f, kind),
    description:
      kind === 'drop'
        ? `${where(f)} without ${field} (${f.presence === 'conditional' ? 'required for its conversation type' : 'required'}) — generated from the schema`
        : `${where(f)} with ${field} as ${article(wrong === 'integer' ? 'number' : wrong)} instead of ${article(f.type)} — generated from the schema`,
    killedBy: 'contracts',
    seenBy,
    fields: [{ field: f.id, how: kind }],
    transformResponse: replaceAnswer(f.answeredBy, f.command === ENVELOPE ? always : isSuccess, (response) =>
      kind === 'drop' ? dropAt(response, f.path) : mistypeAt(response, f.path, f.type),
    ),
    probe: {
      scenario: `${f.command === ENVELOPE ? 'get_contact_group (envelope)' : f.command} with every field; JSON types of ${field}${kind === 'mistype' ? ' other than ' + f.type : ''}`,
      run: async (p) => {
        const types = typesAt(await scenario(p), f.path, f.type);
        return kind === 'drop' ? types : types.filter((t) => t !== f.type);
      },
      correct: kind === 'drop' ? [f.type] : [],
      variant: kind === 'drop' ? [] : [wrong],
    },
  };
}

/** True when a variant makes exactly this one corruption. */
const makesOnly = (v: CatalogueVariant, id: string, kind: MechanicalKind): boolean => v.fields?.length === 1 && v.fields[0]?.field === id && v.fields[0]?.how === kind;

/** The generated family for every inventory field, without the corruptions `handWritten` already make. */
export function fieldVariants(handWritten: readonly CatalogueVariant[], fields: readonly ResponseField[] = responseFields()): CatalogueVariant[] {
  return fields.flatMap((f) => {
    const kind = mechanicalKind(f);
    return handWritten.some((v) => makesOnly(v, f.id, kind)) ? [] : [fieldVariant(f, kind)];
  });
}
