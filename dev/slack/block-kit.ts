/**
 * What Slack checks in a message's Block Kit `blocks` before posting it, for the block types the app sends
 * (header, section, context, divider), with the limits of Slack's Block Kit reference
 * (https://api.slack.com/reference/block-kit/blocks). Slack's machine-readable description of
 * chat.postMessage leaves `blocks` as "an array of objects with a type", so the rules are written out here.
 * A message Slack would refuse is answered `invalid_blocks`, with one line per problem, as Slack does.
 */
const MAX_BLOCKS = 50;
const MAX_BLOCK_ID = 255;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems of a text object: `plain_text` or `mrkdwn`, non-empty, at most `maxLength` characters. */
function textProblems(value: unknown, where: string, maxLength: number, only?: 'plain_text'): string[] {
  if (!isObject(value)) return [`${where}: must be a text object`];
  const { type, text, emoji, verbatim, ...rest } = value;
  const problems: string[] = [];
  if (type !== 'plain_text' && type !== 'mrkdwn') problems.push(`${where}.type: must be plain_text or mrkdwn`);
  else if (only && type !== only) problems.push(`${where}.type: must be ${only}`);
  if (typeof text !== 'string' || text.length === 0) problems.push(`${where}.text: must be a non-empty string`);
  else if (text.length > maxLength) problems.push(`${where}.text: must be at most ${maxLength} characters`);
  if (emoji !== undefined && (type !== 'plain_text' || typeof emoji !== 'boolean'))
    problems.push(`${where}.emoji: only a boolean, on plain_text`);
  if (verbatim !== undefined && (type !== 'mrkdwn' || typeof verbatim !== 'boolean'))
    problems.push(`${where}.verbatim: only a boolean, on mrkdwn`);
  for (const name of Object.keys(rest)) problems.push(`${where}.${name}: is not a text object field`);
  return problems;
}

function blockProblems(block: unknown, where: string): string[] {
  if (!isObject(block)) return [`${where}: must be an object`];
  const { type, block_id: blockId, ...fields } = block;
  const problems: string[] = [];
  if (blockId !== undefined && (typeof blockId !== 'string' || blockId.length === 0 || blockId.length > MAX_BLOCK_ID)) {
    problems.push(`${where}.block_id: must be a string of 1 to ${MAX_BLOCK_ID} characters`);
  }
  const allowOnly = (...names: string[]) => {
    for (const name of Object.keys(fields))
      if (!names.includes(name)) problems.push(`${where}.${name}: not a field of a ${String(type)} block`);
  };
  switch (type) {
    case 'header':
      allowOnly('text');
      problems.push(...textProblems(fields.text, `${where}.text`, 150, 'plain_text'));
      break;
    case 'section': {
      allowOnly('text', 'fields');
      if (fields.text === undefined && fields.fields === undefined) problems.push(`${where}: a section needs text or fields`);
      if (fields.text !== undefined) problems.push(...textProblems(fields.text, `${where}.text`, 3000));
      if (fields.fields !== undefined) {
        if (!Array.isArray(fields.fields) || fields.fields.length === 0 || fields.fields.length > 10)
          problems.push(`${where}.fields: must hold 1 to 10 text objects`);
        else fields.fields.forEach((field, i) => problems.push(...textProblems(field, `${where}.fields[${i}]`, 2000)));
      }
      break;
    }
    case 'context':
      allowOnly('elements');
      if (!Array.isArray(fields.elements) || fields.elements.length === 0 || fields.elements.length > 10)
        problems.push(`${where}.elements: must hold 1 to 10 elements`);
      else fields.elements.forEach((element, i) => problems.push(...textProblems(element, `${where}.elements[${i}]`, 3000)));
      break;
    case 'divider':
      allowOnly();
      break;
    default:
      problems.push(`${where}.type: ${JSON.stringify(type)} is not a block type this simulation knows`);
  }
  return problems;
}

/** Every problem Slack would find in `blocks` (the parsed `blocks` argument); empty when it would post them. */
export function blockKitProblems(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return ['blocks: must be an array'];
  if (blocks.length > MAX_BLOCKS) return [`blocks: must hold at most ${MAX_BLOCKS} blocks`];
  return blocks.flatMap((block, i) => blockProblems(block, `blocks[${i}]`));
}
