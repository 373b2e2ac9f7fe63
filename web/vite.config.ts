import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard: built into web/dist, served by `asterism serve` at `/`; `/api` goes to a running server in dev. */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The charts chunk is ~560 kB (ECharts' bar, line and funnel), loaded only when a page draws;
    // exceljs (~930 kB) only on the first Excel export. Neither is in the app's own chunk.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // ECharts is most of the weight: its own chunk, cached apart from the app.
        codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ }] },
      },
    },
  },
  server: { proxy: { '/api': process.env.ASTERISM_API ?? 'http://127.0.0.1:8080' } },
});
