import "server-only";
import { toSVG } from "bwip-js/node";

/**
 * The pass's barcode as an SVG string, drawn on the server (no image requests, crisp at any size).
 * Code 128 is what counter scanners read; the serial is also shown as text beside it.
 */
export function passBarcodeSvg(serial: string): string | null {
  try {
    return toSVG({ bcid: "code128", text: serial, height: 12, includetext: false, paddingwidth: 0, paddingheight: 0 });
  } catch (error) {
    // A serial the symbology cannot encode (e.g. non-ASCII) still shows as text.
    console.error("[barcode] could not render", error);
    return null;
  }
}
