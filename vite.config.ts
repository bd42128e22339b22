import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/** The app server that the dev server forwards API, Socket.IO and Yjs traffic to. */
const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'client',
  // Relative asset paths resolve against the <base href> the server writes, so BASE_PATH works without a rebuild.
  base: './',
  build: {
    outDir: fileURLToPath(new URL('dist/client', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries go to their own chunks, so an app-only change leaves them cached in browsers.
        codeSplitting: {
          groups: [
            { name: 'yjs', test: /node_modules[\\/](yjs|y-websocket|y-protocols|lib0)[\\/]/ },
            {
              name: 'socket-io',
              test: /node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io[\\/]component-emitter|debug|ms|xmlhttprequest-ssl)[\\/]/,
            },
            { name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit|@lit-labs)[\\/]/ },
            { name: 'cytoscape', test: /node_modules[\\/]cytoscape[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // The client imports the contract from ../shared, outside the Vite root.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': backend,
      '/socket.io': { target: backend, ws: true },
      '/collab': { target: backend, ws: true },
    },
  },
});
