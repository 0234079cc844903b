// Dev server: the page calls the backend through the same origin (/api), which Vite
// proxies to BACKEND_URL (the compose service), so no CORS setup is needed.
import { defineConfig } from "vite";

export default defineConfig({
  // node_modules may be read-only (installed into the image): keep Vite's cache apart.
  cacheDir: process.env.VITE_CACHE_DIR || "node_modules/.vite",
  server: {
    host: "0.0.0.0",
    port: Number(process.env.PORT || 5173),
    strictPort: true,
    proxy: {
      "/api": process.env.BACKEND_URL || "http://127.0.0.1:8000",
      "/health": process.env.BACKEND_URL || "http://127.0.0.1:8000",
    },
  },
});
