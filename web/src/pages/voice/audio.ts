/** Audio helpers of the voice page: base64 WAV to a playable object URL, and a picked file to base64. */

/** An object URL for a base64 WAV; revoke it with URL.revokeObjectURL when it is no longer shown. */
export function wavUrl(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
}

/** The file's bytes in base64, as UploadVoiceFile's Content expects (the data: URL prefix removed). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
