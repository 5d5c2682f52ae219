/**
 * The playground's React binding: one playground per mounted App (on the workspace main.tsx
 * opened before the first render), started while it is mounted,
 * and `ready()` answered after the render that shows current results.
 */
import { useEffect, useState } from 'react';
import { browserPlayground } from '../browser-ports';
import { createPlayground, type Playground } from '../playground';

export function usePlayground(): Playground {
  const [pg] = useState(() => {
    const { ports, opening } = browserPlayground();
    return createPlayground(ports, opening);
  });
  useEffect(() => pg.start(), [pg]);
  // After every render: the results on screen may now be the current ones.
  useEffect(() => pg.evaluation.settle());
  return pg;
}
