/**
 * The playground's React binding: one playground per mounted App, started while it is mounted,
 * and `ready()` answered after the render that shows current results.
 */
import { useEffect, useState } from 'react';
import { browserPorts } from '../browser-ports';
import { createPlayground, type Playground } from '../playground';

export function usePlayground(): Playground {
  const [pg] = useState(() => createPlayground(browserPorts()));
  useEffect(() => pg.start(), [pg]);
  // After every render: the results on screen may now be the current ones.
  useEffect(() => pg.evaluation.settle());
  return pg;
}
