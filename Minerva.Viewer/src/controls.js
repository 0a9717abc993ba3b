// The side panel: what the image is, Z and T sliders, and per channel a toggle, a colour and a contrast window.
import { MAX_CHANNELS } from '@hms-dbmi/viv';
import { hexToRgb, pixelSizeText, rgbToHex, shapeText } from './image.js';
import { neuroglancerUrl, vizarrUrl } from './links.js';

/** Channels drawn when the image opens; more can be switched on, up to viv's limit of MAX_CHANNELS at once. */
const FIRST_VISIBLE = 6;

/**
 * Fills the panel and calls `onChange({ z, t, channels })` with the visible channels whenever the user changes
 * something (and once at the start).
 */
export function buildPanel(config, image, onChange) {
  const state = {
    z: image.defaultZ,
    t: image.defaultT,
    channels: image.channels.map((c, i) => ({ ...c, visible: c.active && i < FIRST_VISIBLE })),
  };
  const emit = () => onChange({ z: state.z, t: state.t, channels: state.channels.filter(c => c.visible) });

  document.getElementById('name').textContent = config.name;
  facts(image, config);
  planes(image, state, emit);
  channelRows(image, state, emit);
  links(config);
  emit();
}

function facts(image, config) {
  const list = document.getElementById('facts');
  const rows = [
    ['shape', shapeText(image)],
    ['dtype', image.dtype.toLowerCase()],
    ['pixel size', pixelSizeText(image.pixelSize)],
    ['levels', String(image.levels)],
    ['link expires', new Date(config.expires).toLocaleString()],
  ];
  for (const [term, value] of rows) {
    list.append(element('dt', {}, term), element('dd', { 'data-fact': term }, value));
  }
}

function planes(image, state, emit) {
  const section = document.getElementById('planes');
  for (const [axis, size] of [['z', image.sizeZ], ['t', image.sizeT]]) {
    if (size < 2) {
      continue;
    }
    const output = element('output', {}, `${state[axis]} / ${size - 1}`);
    const slider = element('input', { type: 'range', id: `${axis}-slider`, min: 0, max: size - 1, step: 1, value: state[axis] });
    slider.addEventListener('input', () => {
      state[axis] = Number(slider.value);
      output.textContent = `${state[axis]} / ${size - 1}`;
      emit();
    });
    section.append(element('label', { class: 'plane' }, axis.toUpperCase(), slider, output));
  }
}

function channelRows(image, state, emit) {
  const section = document.getElementById('channels');
  const notice = element('p', { class: 'notice' });
  section.append(element('h2', {}, `Channels (${image.channels.length})`), notice);
  const integer = !image.dtype.startsWith('Float');
  for (const channel of state.channels) {
    const toggle = element('input', { type: 'checkbox', 'data-channel': channel.index });
    toggle.checked = channel.visible;
    toggle.addEventListener('change', () => {
      const shown = state.channels.filter(c => c.visible).length;
      if (toggle.checked && shown >= MAX_CHANNELS) {
        toggle.checked = false;
        notice.textContent = `At most ${MAX_CHANNELS} channels show at once; switch one off first.`;
        return;
      }
      notice.textContent = '';
      channel.visible = toggle.checked;
      emit();
    });
    const colour = element('input', { type: 'color', value: rgbToHex(channel.color), 'aria-label': `${channel.label} colour` });
    colour.addEventListener('input', () => {
      channel.color = hexToRgb(colour.value);
      emit();
    });
    const [min, max] = channel.range;
    const step = integer ? 1 : (max - min) / 1000;
    const window = element('output', {}, windowText(channel.limits));
    const ends = channel.limits.map((value, end) => {
      const slider = element('input', {
        type: 'range', min, max, step, value, 'data-window': end ? 'end' : 'start', 'aria-label': `${channel.label} window ${end ? 'end' : 'start'}`,
      });
      slider.addEventListener('input', () => {
        const limits = [...channel.limits];
        limits[end] = Number(slider.value);
        if (limits[0] < limits[1]) {
          channel.limits = limits;
          window.textContent = windowText(limits);
          emit();
        } else {
          slider.value = channel.limits[end];
        }
      });
      return slider;
    });
    section.append(element(
      'div', { class: 'channel', 'data-channel': channel.index },
      element('label', {}, toggle, element('span', { class: 'swatch', style: `--colour: ${rgbToHex(channel.color)}` }), channel.label),
      colour, element('div', { class: 'window' }, ...ends), window,
    ));
    colour.addEventListener('input', () => {
      section.querySelector(`.channel[data-channel="${channel.index}"] .swatch`).style.setProperty('--colour', colour.value);
    });
  }
}

function links(config) {
  const nav = document.getElementById('links');
  const zarr = element('input', { type: 'text', readonly: '', value: config.zarr_url, 'aria-label': 'OME-Zarr URL' });
  zarr.addEventListener('focus', () => zarr.select());
  nav.append(
    element('h2', {}, 'Open elsewhere'),
    element('a', { href: vizarrUrl(config.zarr_url), target: '_blank', rel: 'noopener' }, 'vizarr'),
    element('a', { href: neuroglancerUrl(config.zarr_url, config.name), target: '_blank', rel: 'noopener' }, 'neuroglancer'),
    element('label', { class: 'zarr-url' }, 'OME-Zarr URL (napari, zarr-python)', zarr),
  );
}

function windowText([start, end]) {
  const number = v => (Number.isInteger(v) ? String(v) : v.toPrecision(4));
  return `${number(start)} – ${number(end)}`;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
