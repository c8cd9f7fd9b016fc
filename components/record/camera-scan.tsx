"use client";

import { Camera, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";

// The browser's BarcodeDetector (Chrome on Android, Safari 17+) is not in TypeScript's DOM lib yet.
interface DetectedBarcode { rawValue: string }
interface BarcodeDetectorLike { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> }
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

// Wallet passes carry QR, PDF417, Aztec or Code 128 barcodes.
const FORMATS = ["qr_code", "pdf417", "aztec", "code_128"];

function nativeDetector(): BarcodeDetectorCtor | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
}

function cameraErrorMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError") return "Camera access was refused. Allow it in the browser’s site settings, or type the serial.";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "No camera found on this device. Type the serial instead.";
  if (name === "NotReadableError") return "The camera is busy in another app. Close it and try again.";
  return "The camera could not start. Type the serial instead.";
}

/** Shown only on devices with a camera; scans the pass barcode and hands back its text. */
export function CameraScanButton({ onScan }: { onScan: (value: string) => void }) {
  const [hasCamera, setHasCamera] = useState(false);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus(); // keyboard users land where they started
  };

  useEffect(() => {
    let cancelled = false;
    navigator.mediaDevices?.enumerateDevices?.()
      .then((devices) => { if (!cancelled) setHasCamera(devices.some((d) => d.kind === "videoinput")); })
      .catch(() => undefined);
    return () => { cancelled = true; };
  }, []);

  if (!hasCamera) return null;
  return (
    <>
      <button ref={buttonRef} type="button" className={buttonClass("secondary", "lg")} onClick={() => setOpen(true)}>
        <Camera aria-hidden className="size-5" /> Scan with camera
      </button>
      {open && <ScannerDialog onClose={close} onScan={(value) => { setOpen(false); onScan(value); }} />}
    </>
  );
}

function ScannerDialog({ onClose, onScan }: { onClose: () => void; onScan: (value: string) => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(true);
  // The camera starts once per opening; a new onScan function on re-render must not restart it.
  const onScanRef = useRef(onScan);
  useEffect(() => { onScanRef.current = onScan; }, [onScan]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let stopped = false;
    let cleanup = () => {};
    const found = (value: string) => {
      if (stopped || !value.trim()) return;
      stopped = true;
      cleanup();
      onScanRef.current(value.trim());
    };
    (async () => {
      try {
        const Detector = nativeDetector();
        if (Detector) {
          const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
          cleanup = () => stream.getTracks().forEach((t) => t.stop());
          if (stopped) return cleanup();
          video.srcObject = stream;
          await video.play();
          setStarting(false);
          const detector = new Detector({ formats: FORMATS });
          const tick = async () => {
            if (stopped) return;
            const codes = await detector.detect(video).catch(() => []);
            if (codes[0]) found(codes[0].rawValue);
            else setTimeout(() => void tick(), 150);
          };
          void tick();
        } else {
          // Loaded only now, so the record screen stays light for devices that never scan.
          const { BrowserMultiFormatReader } = await import("@zxing/browser");
          const controls = await new BrowserMultiFormatReader().decodeFromConstraints(
            { video: { facingMode: "environment" }, audio: false },
            video,
            (result) => { if (result) found(result.getText()); },
          );
          cleanup = () => controls.stop();
          if (stopped) return cleanup();
          setStarting(false);
        }
      } catch (e) {
        setStarting(false);
        setError(cameraErrorMessage(e));
      }
    })();
    return () => {
      stopped = true;
      cleanup();
    };
  }, []);

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="Scan the pass barcode"
      className="fixed inset-0 z-50 grid place-items-center bg-black/70 p-4"
      onKeyDown={(e) => { if (e.key === "Escape") onClose(); }}
    >
      <div className="w-full max-w-md space-y-3 rounded-2xl bg-white p-4 shadow-xl">
        <div className="flex items-center justify-between">
          <h2 className="text-lg font-semibold">Scan the pass barcode</h2>
          <Button variant="ghost" aria-label="Close scanner" onClick={onClose} autoFocus><X aria-hidden className="size-5" /></Button>
        </div>
        <div className="relative aspect-[4/3] overflow-hidden rounded-xl bg-stone-900">
          <video ref={videoRef} muted playsInline className="size-full object-cover" />
          {starting && <p className="absolute inset-0 grid place-items-center text-sm text-white">Starting camera…</p>}
        </div>
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : <p className="text-sm text-stone-600">Hold the customer’s pass barcode inside the frame.</p>}
        <Button variant="secondary" className="w-full" onClick={onClose}>Cancel</Button>
      </div>
    </div>
  );
}
