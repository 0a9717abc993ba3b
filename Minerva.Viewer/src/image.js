// What the viewer shows of an OME-Zarr image: sizes, dtype, physical pixel size and channels, read from its
// NGFF metadata (multiscales, omero) and its level-0 array as viv's loadOmeZarr opened them.

/** Units of NGFF axes (UDUNITS names) as the SI symbols viv's scale bar understands, with a size factor. */
const UNITS = {
  angstrom: ['nm', 0.1],
  nanometer: ['nm', 1],
  micrometer: ['µm', 1],
  micron: ['µm', 1],
  millimeter: ['mm', 1],
  centimeter: ['cm', 1],
  meter: ['m', 1],
};

/** Colours for channels the metadata gives none: one channel is grey, several get distinct hues. */
const PALETTE = ['FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF', 'FFFFFF'];

/** The value range of each dtype viv reads; floats have no natural one, so 0..1. */
const DTYPE_RANGES = {
  Uint8: [0, 255],
  Uint16: [0, 65535],
  Uint32: [0, 4294967295],
  Int8: [-128, 127],
  Int16: [-32768, 32767],
  Int32: [-2147483648, 2147483647],
};

export function describeImage(levels, metadata) {
  const base = levels[0];
  const { labels, shape } = base;
  const sizeOf = axis => (labels.includes(axis) ? shape[labels.indexOf(axis)] : 1);
  const multiscale = metadata.multiscales?.[0] ?? {};
  return {
    labels,
    shape,
    dtype: base.dtype,
    levels: levels.length,
    width: sizeOf('x'),
    height: sizeOf('y'),
    sizeZ: sizeOf('z'),
    sizeT: sizeOf('t'),
    pixelSize: physicalSizes(multiscale),
    channels: channels(metadata.omero, sizeOf('c'), base.dtype),
    defaultZ: Math.min(metadata.omero?.rdefs?.defaultZ ?? 0, sizeOf('z') - 1),
    defaultT: Math.min(metadata.omero?.rdefs?.defaultT ?? 0, sizeOf('t') - 1),
  };
}

/** Level 0's physical size per pixel along x, y and z ({size, unit}), from its scale transformation; null when absent. */
function physicalSizes(multiscale) {
  const axes = (multiscale.axes ?? []).map(a => (typeof a === 'string' ? { name: a } : a));
  const scale = multiscale.datasets?.[0]?.coordinateTransformations?.find(t => t.type === 'scale')?.scale ?? [];
  const along = name => {
    const i = axes.findIndex(a => a.name === name);
    if (i < 0 || !(scale[i] > 0) || !axes[i].unit) {
      return null;
    }
    const [unit, factor] = UNITS[axes[i].unit] ?? [axes[i].unit, 1];
    return { size: scale[i] * factor, unit };
  };
  return { x: along('x'), y: along('y'), z: along('z') };
}

function channels(omero, sizeC, dtype) {
  const [typeMin, typeMax] = DTYPE_RANGES[dtype] ?? [0, 1];
  return Array.from({ length: sizeC }, (_, index) => {
    const meta = omero?.channels?.[index] ?? {};
    const window = meta.window ?? {};
    const min = Number.isFinite(window.min) ? window.min : typeMin;
    const max = Number.isFinite(window.max) && window.max > min ? window.max : min + (typeMax - typeMin || 1);
    const start = Number.isFinite(window.start) ? window.start : min;
    const end = Number.isFinite(window.end) && window.end > start ? window.end : max;
    return {
      index,
      label: meta.label || `Channel ${index}`,
      color: hexToRgb(meta.color || (sizeC === 1 ? 'FFFFFF' : PALETTE[index % PALETTE.length])),
      range: [Math.min(min, start), Math.max(max, end)],
      limits: [start, end],
      active: meta.active !== false,
    };
  });
}

export function hexToRgb(hex) {
  const value = Number.parseInt(hex.replace('#', '').padStart(6, '0').slice(-6), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function rgbToHex(rgb) {
  return `#${rgb.map(v => v.toString(16).padStart(2, '0')).join('')}`;
}

/** "1×3×1×768×1024 (t, c, z, y, x)". */
export function shapeText(image) {
  return `${image.shape.join('×')} (${image.labels.join(', ')})`;
}

/** "0.65 × 0.65 µm" (and "× 2 µm" along z), or "not recorded". */
export function pixelSizeText({ x, y, z }) {
  if (!x) {
    return 'not recorded';
  }
  const number = v => Number(v.size.toPrecision(4)).toString();
  const sizes = [x, y, z].filter(Boolean);
  return sizes.every(s => s.unit === x.unit)
    ? `${sizes.map(number).join(' × ')} ${x.unit}`
    : sizes.map(s => `${number(s)} ${s.unit}`).join(' × ');
}
