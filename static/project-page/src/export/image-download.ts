import type { TabImage } from './tab-image';

/** Pixels of the PNG to a unit of the SVG: sharp on a high-density screen and in a slide. */
const PNG_SCALE = 2;

export function svgBlob(image: TabImage): Blob {
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n`, image.svg], { type: 'image/svg+xml;charset=utf-8' });
}

/**
 * The SVG painted on a canvas, as PNG, in the browser alone. The SVG is loaded from a `data:` address (the
 * page's image policy allows `data:` and `blob:`; a `data:` image of SVG with no outside resources leaves the
 * canvas readable), drawn `PNG_SCALE` times its size, and read back as a PNG.
 */
export async function pngBlob(image: TabImage): Promise<Blob> {
  const picture = new Image();
  picture.width = image.width;
  picture.height = image.height;
  picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.svg)}`;
  await picture.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * PNG_SCALE);
  canvas.height = Math.round(image.height * PNG_SCALE);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the image.');
  context.drawImage(picture, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))), 'image/png'),
  );
}
