// What Next would fail on, with a 500, before any action code runs: a server
// action request whose body React cannot decode (multipart without a boundary,
// text that is not JSON, a reference to a part the body does not contain, a
// BigInt that is not one). proxy.ts answers those with a 400 instead. This
// mirrors the reference forms React's reply decoder (decodeReply) accepts; it
// does not try to judge the arguments themselves, which each action parses.

/** Strings React reads as values, not as references to other parts. */
const SELF_CONTAINED = /^\$(\$|K[0-9a-f]+$|Infinity$|-0$|-Infinity$|NaN$|undefined$|D|n-?\d+$)/;
/** References to another part of the body: `$<hex>`, or a one-letter tag then the part's hex id. */
const PART_REFERENCE = /^\$([@FQWiAOoUSsLlGgMmVBRrXx])?([0-9a-f]+)(:.*)?$/;

/** A plain sentence for the first problem found, or null when React can decode the body. */
export async function serverActionBodyProblem(request: Request): Promise<string | null> {
  const contentType = request.headers.get('content-type') ?? '';
  const isMultipart = contentType.toLowerCase().startsWith('multipart/form-data');
  if (isMultipart) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return 'The form data could not be read. Reload the page and try again.';
    }
    // A form posted without JavaScript carries $ACTION_ fields instead of a root part.
    if (!form.has('0')) return null;
    return partsProblem((id) => {
      const part = form.get(id);
      return typeof part === 'string' ? part : part === null ? undefined : '';
    });
  }
  if (!request.headers.has('next-action')) return null;
  const text = await request.clone().text();
  return partsProblem((id) => (id === '0' ? text : undefined));
}

/** Walks the root part and every part it references, without recursion (bodies can nest deeply). */
function partsProblem(part: (id: string) => string | undefined): string | null {
  const seen = new Set<string>();
  const pending = ['0'];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const text = part(id);
    if (text === undefined)
      return 'The request refers to data it does not contain. Reload the page and try again.';
    if (text === '') continue; // a file or binary part
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return 'The request could not be read. Reload the page and try again.';
    }
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const item = stack.pop();
      if (typeof item === 'string') {
        if (!item.startsWith('$') || SELF_CONTAINED.test(item)) continue;
        const reference = PART_REFERENCE.exec(item);
        if (!reference || reference[1] === 'T') {
          return 'The request could not be read. Reload the page and try again.';
        }
        pending.push(String(Number.parseInt(reference[2]!, 16)));
      } else if (Array.isArray(item)) {
        stack.push(...item);
      } else if (item !== null && typeof item === 'object') {
        stack.push(...Object.values(item));
      }
    }
  }
  return null;
}
