/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the app on :5173 and forwards API calls to the API that `make run` starts on :5080.
const api = process.env.GAOXIN_API ?? 'http://localhost:5080';

export default defineConfig({
  plugins: [react()],
  build: {
    // scripts/budget.mjs reads which chunks each page needs from the manifest.
    manifest: true,
    rollupOptions: {
      output: {
        // ECharts is shared by the pages that draw charts, and only by them: one chunk of its own, cached apart.
        manualChunks: (id) => (id.includes('node_modules/echarts') || id.includes('node_modules/zrender') ? 'echarts' : undefined),
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/openapi': api,
      '/swagger': api,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
