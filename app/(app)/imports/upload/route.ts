import { mkdirSync } from "node:fs";
import path from "node:path";
import { requireContext } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { withRouteErrors } from "@/lib/http/route-errors";
import { merchantUploadDir, previewUpload } from "@/lib/imports/preview";
import { saveUpload, UploadRefused } from "@/lib/imports/upload";

// The dashboard's upload (server actions cap bodies at 1 MB): streamed to disk, then previewed
// with the suggested mapping (or a saved template for the same headers). Manager+.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return withRouteErrors("imports.upload", async () => {
    const context = await requireContext("manager");
    const dir = merchantUploadDir(context);
    mkdirSync(dir, { recursive: true });
    let upload;
    try {
      upload = await saveUpload(request, dir);
    } catch (error) {
      if (error instanceof UploadRefused) throw new AppError(error.kind === "too_large" ? "payload_too_large" : "validation_error", error.message);
      throw error;
    }
    const kind = upload.fields.kind === "customers" ? "customers" : "events";
    return Response.json(await previewUpload(context, { token: path.basename(upload.filePath), fileName: upload.fileName, kind }));
  });
}
