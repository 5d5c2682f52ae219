/** Reading a file the user picked or dropped. */
export function readFileText(file: File): Promise<string> {
  return file.text();
}

/** The first file of a drop, if the drop carries files. */
export function droppedFile(e: { dataTransfer: DataTransfer | null }): File | undefined {
  const files = e.dataTransfer?.files;
  return files && files.length > 0 ? files[0] : undefined;
}
