import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

// In `react-router dev` the api is reached through vite's proxy; in production server/main.ts proxies.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3101';

export default defineConfig({
  plugins: [reactRouter()],
  server: {
    proxy: {
      '/api': apiUrl,
      '/feeds': apiUrl,
    },
  },
});
