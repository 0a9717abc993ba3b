// Bundles the viewer page into obj/bundle (index.html + hashed assets), which Minerva.Viewer.csproj embeds.
// Relative asset URLs: the service serves the page with a <base href> pointing at its /viewer/ assets.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'obj/bundle',
    emptyOutDir: true,
    // deck.gl and viv make one large module; it is loaded once and cached for a year (hashed file names).
    chunkSizeWarningLimit: 4096,
  },
});
