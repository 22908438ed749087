import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen: it scrolls sideways inside this region, which the keyboard
 * can reach (tab to it, then the arrow keys) and which a screen reader names.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
