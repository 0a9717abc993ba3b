// The image on screen: a deck.gl orthographic view of viv's multiscale layer (tiles of the level that suits the
// zoom), and a second, fixed view over it for the scale bar.
import { Deck, OrthographicView } from '@deck.gl/core';
import { ImageLayer, MultiscaleImageLayer, ScaleBarLayer, getDefaultInitialViewState } from '@hms-dbmi/viv';

const DETAIL = 'detail';
const SCALE_BAR = 'scalebar';

/** Each layer is drawn only in the view its id names (as viv's own viewers do). */
const inView = id => `-#${id}#`;

export class Scene {
  /**
   * @param {HTMLElement} parent where the canvas goes
   * @param {object[]} levels viv pixel sources, level 0 first
   * @param {object} image describeImage's answer
   * @param {(resolutions: number[]) => void} onViewportLoad called with the levels of the tiles once all in view are loaded
   * @param {(error: Error) => void} onError a tile that failed to load
   */
  constructor(parent, levels, image, onViewportLoad, onError) {
    this.parent = parent;
    this.levels = levels;
    this.image = image;
    this.onViewportLoad = onViewportLoad;
    this.onError = onError;
    this.viewState = this.fittedViewState();
    this.deck = new Deck({
      parent,
      views: [
        new OrthographicView({ id: DETAIL, controller: true }),
        new OrthographicView({ id: SCALE_BAR, controller: false }),
      ],
      viewState: this.viewStates(),
      onViewStateChange: ({ viewId, viewState }) => {
        if (viewId === DETAIL) {
          this.viewState = viewState;
          this.render();
        }
        return viewState;
      },
      layerFilter: ({ layer, viewport }) => layer.id.includes(inView(viewport.id)),
      onResize: () => this.render(),
      onError: error => onError(error),
      getCursor: ({ isDragging }) => (isDragging ? 'grabbing' : 'grab'),
    });
  }

  /** Draws the planes and channels of `settings`: { z, t, channels: [{ index, color, limits }] }. */
  show(settings) {
    this.settings = settings;
    this.render();
  }

  /** The whole image, centred, as large as the window allows. */
  fittedViewState() {
    const size = { width: this.parent.clientWidth, height: this.parent.clientHeight };
    const fitted = getDefaultInitialViewState(this.levels, size, 0);
    return { ...fitted, minZoom: fitted.zoom - 3, maxZoom: 8 };
  }

  /** Where image pixel (x, y) of level 0 is on the page, in CSS pixels (for tests and links to a spot). */
  toPage(x, y) {
    const viewport = this.deck.getViewports().find(v => v.id === DETAIL);
    const [px, py] = viewport.project([x, y]);
    const box = this.deck.getCanvas().getBoundingClientRect();
    return [box.left + px, box.top + py];
  }

  viewStates() {
    const { clientWidth: width, clientHeight: height } = this.parent;
    return {
      [DETAIL]: this.viewState,
      [SCALE_BAR]: { target: [width / 2, height / 2, 0], zoom: 0 },
    };
  }

  render() {
    if (!this.settings) {
      return;
    }
    const layers = [this.imageLayer(), this.scaleBarLayer()].filter(Boolean);
    this.deck.setProps({ viewState: this.viewStates(), layers });
  }

  imageLayer() {
    const { z, t, channels } = this.settings;
    if (channels.length === 0) {
      return null;
    }
    const { labels } = this.levels[0];
    const selection = c => Object.fromEntries(Object.entries({ t, c, z }).filter(([axis]) => labels.includes(axis)));
    const multiscale = this.levels.length > 1;
    const Layer = multiscale ? MultiscaleImageLayer : ImageLayer;
    return new Layer({
      id: `image${inView(DETAIL)}`,
      viewportId: DETAIL,
      loader: multiscale ? this.levels : this.levels[0],
      selections: channels.map(c => selection(c.index)),
      colors: channels.map(c => c.color),
      contrastLimits: channels.map(c => c.limits),
      channelsVisible: channels.map(() => true),
      onViewportLoad: tiles => this.onViewportLoad(multiscale ? [...new Set(tiles.map(tile => -tile.index.z))] : [0]),
      // viv's own handler ignores the edge tiles deck.gl asks for beyond the image and rethrows real failures.
      onTileError: error => {
        try {
          this.levels[0].onTileError(error);
        } catch (failure) {
          this.onError(failure);
        }
      },
    });
  }

  scaleBarLayer() {
    const pixel = this.image.pixelSize.x;
    if (!pixel) {
      return null;
    }
    const { clientWidth: width, clientHeight: height } = this.parent;
    return new ScaleBarLayer({
      id: `scale-bar${inView(SCALE_BAR)}`,
      viewportId: SCALE_BAR,
      unit: pixel.unit,
      size: pixel.size,
      snap: true,
      position: 'bottom-right',
      length: 0.05,
      imageViewState: { ...this.viewState, width, height },
      width,
      height,
    });
  }
}
