// Links that open the image's OME-Zarr in the public web viewers (for browsers that reach them).

export function vizarrUrl(zarrUrl) {
  return `https://hms-dbmi.github.io/vizarr/?source=${encodeURIComponent(zarrUrl)}`;
}

export function neuroglancerUrl(zarrUrl, name) {
  // zarr2:// : the link is Zarr v2, so neuroglancer need not probe for v3 metadata first.
  const state = { layers: [{ type: 'image', source: `zarr2://${zarrUrl}`, name }], layout: 'xy' };
  return `https://neuroglancer-demo.appspot.com/#!${encodeURIComponent(JSON.stringify(state))}`;
}
