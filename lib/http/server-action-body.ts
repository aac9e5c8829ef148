// Server actions arrive as React's reply encoding: a JSON array of arguments
// (text/plain), or multipart form data whose field "0" holds that array and
// whose other fields are the FormData arguments. Next decodes it before our
// code runs and answers a body it cannot decode with HTTP 200 and an error
// digest; these checks, run by proxy.ts first, answer 400 instead. Our actions
// take plain values and FormData only, so every other reference kind (promises,
// Maps, Sets, blobs, streams, server references) is refused as malformed.

/** Strings React writes for values JSON has no form for: escaped "$", undefined, non-finite numbers, dates, bigints. */
const PLAIN_VALUE = /^\$(?:\$[\s\S]*|undefined|Infinity|-Infinity|NaN|-0|D[\s\S]*|n-?\d+)$/;
/** A FormData argument: its fields are the ones whose names start with "<id>_". */
const FORM_DATA = /^\$K[0-9a-f]+$/;

/** Whether a decoded argument list holds only what our actions accept. */
function isPlainReply(value: unknown, allowFormData: boolean, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") return !value.startsWith("$") || PLAIN_VALUE.test(value) || (allowFormData && FORM_DATA.test(value));
  if (Array.isArray(value)) return value.every((item) => isPlainReply(item, allowFormData, depth + 1));
  if (value !== null && typeof value === "object") return Object.values(value).every((item) => isPlainReply(item, allowFormData, depth + 1));
  return true;
}

function parseArguments(text: string, allowFormData: boolean): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && isPlainReply(value, allowFormData);
  } catch {
    return false;
  }
}

/**
 * Whether a server action request's body can be decoded into arguments our
 * actions accept. The request is a clone: its body is read here and again by Next.
 */
export async function isWellFormedActionBody(request: Request): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.formData();
      const root = form.get("0");
      // A form posted as it is (useActionState with a form): React sends the fields and a "0" for the arguments.
      return typeof root === "string" ? parseArguments(root, true) : root === null && [...form.keys()].every((key) => !key.startsWith("$"));
    }
    if (type.startsWith("text/plain") || type === "") return parseArguments(await request.text(), false);
    return false;
  } catch {
    return false;
  }
}
