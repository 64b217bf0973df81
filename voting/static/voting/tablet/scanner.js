/* The camera: the browser's BarcodeDetector where it reads QR codes, else jsQR (served from
   node_modules by Django, a classic script on the page). Without a camera or permission the
   typed code field still works. */

import { state } from "./state.js";

const SCAN_EVERY_MS = 250;

async function qrDetector() {
    if (!("BarcodeDetector" in window)) return null;
    try {
        const formats = await window.BarcodeDetector.getSupportedFormats();
        return formats.includes("qr_code") ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
    } catch {
        return null;
    }
}

function readWithJsQR(video, canvas, context) {
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const result = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
    return result ? result.data : null;
}

export function stopCamera() {
    const camera = state.camera;
    if (!camera) return;
    state.camera = null;
    clearInterval(camera.timer);
    camera.stream.getTracks().forEach((track) => track.stop());
    camera.box.hidden = true;
}

/* Show the camera of `kind` ("pair" or "ballot") and call `onCode` with the first QR text. */
export async function startCamera(kind, onCode) {
    stopCamera();
    const box = document.querySelector(`[data-camera="${kind}"]`);
    if (!box || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
    let stream;
    try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch {
        return;
    }
    const video = box.querySelector("video");
    video.srcObject = stream;
    box.hidden = false;
    await video.play().catch(() => {});
    const detector = await qrDetector();
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    const camera = { stream, box, timer: null, busy: false };
    state.camera = camera;
    camera.timer = setInterval(async () => {
        if (camera.busy || !video.videoWidth) return;
        camera.busy = true;
        try {
            let found = null;
            if (detector) {
                const codes = await detector.detect(video);
                found = codes.length ? codes[0].rawValue : null;
            } else if (window.jsQR) {
                found = readWithJsQR(video, canvas, context);
            }
            if (found && state.camera === camera) {
                stopCamera();
                onCode(found);
            }
        } finally {
            camera.busy = false;
        }
    }, SCAN_EVERY_MS);
}
