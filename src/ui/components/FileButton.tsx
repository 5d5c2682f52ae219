import type { ReactNode } from 'react';

export interface FileButtonProps {
  readonly children: ReactNode;
  readonly testId: string;
  readonly accept: string;
  readonly title?: string;
  /** The picked file, and the input it came from (a menu closes around it). */
  readonly onFile: (file: File, input: HTMLInputElement) => void;
}

/**
 * A button that opens the file picker. The input is cleared after each pick, so picking the same
 * file again (after editing it on disk) is read again.
 */
export function FileButton({ children, testId, accept, title, onFile }: FileButtonProps) {
  return (
    <label className="file-button" {...(title ? { title } : {})}>
      {children}
      <input
        type="file"
        data-testid={testId}
        accept={accept}
        onChange={(e) => {
          const input = e.currentTarget;
          const f = input.files?.[0];
          input.value = '';
          if (f) onFile(f, input);
        }}
      />
    </label>
  );
}
