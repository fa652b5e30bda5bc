// Checks what the webview sends to be saved. No vscode import: unit-tested in plain Node.
import type { ExportFormat } from '../shared/protocol';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The bytes of an exported picture, or undefined when the data is not what the format says: a PNG
 * must decode from base64 and start with the PNG signature, an SVG must be an XML document with an
 * <svg> root. The webview is not trusted to send only pictures.
 */
export function exportBytes(format: ExportFormat, data: string): Uint8Array | undefined {
  if (format === 'svg') {
    const text = data.trimStart();
    const root = text.replace(/^<\?xml[^>]*\?>\s*/, '');
    return root.startsWith('<svg') ? new TextEncoder().encode(data) : undefined;
  }
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return PNG_SIGNATURE.every((byte, index) => bytes[index] === byte) ? bytes : undefined;
}
