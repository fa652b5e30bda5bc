// Reads the palette from the DOM and watches for theme changes. VS Code marks the theme kind with a class
// on <body> (`vscode-light`, `vscode-dark`, `vscode-high-contrast`, `vscode-high-contrast-light`) and
// writes the theme's colours as `--vscode-*` properties on <html>; a theme switch changes one or both.
import { paletteFromVariables, themeKindFromClasses, type Palette } from './palette';

export function readPalette(): Palette {
  const kind = themeKindFromClasses([...document.body.classList]);
  const style = getComputedStyle(document.documentElement);
  return paletteFromVariables(kind, (variable) => style.getPropertyValue(variable));
}

/** Calls `onChange` (at most once per frame) when the theme changes. Returns a function that stops watching. */
export function watchTheme(onChange: () => void): () => void {
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      onChange();
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
  return () => observer.disconnect();
}
