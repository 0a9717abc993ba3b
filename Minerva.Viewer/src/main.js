// The viewer page of one image: opens its OME-Zarr (the service put its signed URL in the page) with viv's
// loadOmeZarr, then shows it with the panel beside it. `window.minerva` reports progress to tests and scripts.
import { loadOmeZarr } from '@hms-dbmi/viv';
import { buildPanel } from './controls.js';
import { describeImage } from './image.js';
import { Scene } from './scene.js';

const status = document.getElementById('status');
const report = { ready: false, viewportLoads: 0, resolutions: [], errors: [] };
window.minerva = report;

function fail(error) {
  report.errors.push(String(error?.message ?? error));
  status.textContent = `Could not show the image: ${error?.message ?? error}`;
  status.className = 'error';
  console.error(error);
}

async function main() {
  const described = document.getElementById('minerva-image');
  if (!described) {
    throw new Error("This page shows an image when opened from the image's viewer_url (GET /image/{uuid}).");
  }
  const config = JSON.parse(described.textContent);
  document.title = `${config.name} — Minerva`;
  status.textContent = 'Opening the image…';
  const { data, metadata } = await loadOmeZarr(config.zarr_url, { type: 'multiscales' });
  const image = describeImage(data, metadata);
  const onViewportLoad = resolutions => {
    report.viewportLoads += 1;
    report.resolutions = resolutions;
    status.textContent = '';
  };
  const scene = new Scene(document.getElementById('view'), data, image, onViewportLoad, fail);
  buildPanel(config, image, settings => scene.show(settings));
  report.image = { shape: image.shape, dtype: image.dtype, levels: image.levels };
  report.toPage = (x, y) => scene.toPage(x, y);
  report.ready = true;
}

main().catch(fail);
