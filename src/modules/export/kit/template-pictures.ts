import { Logger } from '@nestjs/common';
import type ExcelJS from 'exceljs';

/**
 * Pictures (a client's logo) that a person placed on a template's layout sheet, carried to the
 * output sheet of the same name at the same place and size.
 *
 * Reading uses exceljs's public API (`worksheet.getImages()`, `workbook.getImage(id)`), which
 * gives each picture's anchor and bytes for a template saved by Excel, LibreOffice or exceljs.
 *
 * Writing: exceljs 4.4.0's streaming WorkbookWriter has no `worksheet.addImage`, so this module
 * adds what its non-streaming writer would (xl/drawings/drawingN.xml, its _rels, the sheet's
 * relationship and `<drawing r:id>` element, the content type) by reaching into these internals
 * of exceljs 4.4.0 — checked by `writerInternals` on every use, and by template-pictures.spec.ts,
 * so that an exceljs that changed them fails loudly instead of writing a broken file:
 * - `WorkbookWriter.zip` (an archiver instance): the drawing parts are appended to it, and the
 *   `[Content_Types].xml` it is given at commit gets the drawings' Override entries;
 * - `WorkbookWriter.addImage` (public) / `getImage(id).name`: the media file the writer stores
 *   at commit as `xl/media/<name>` (with the content type of its extension);
 * - `WorksheetWriter._sheetRelsWriter.addRelationship()`: the sheet's relationship to its drawing;
 * - `WorksheetWriter._writeLegacyData()` and `.stream`: commit() calls `_writeLegacyData` right
 *   after `_writeRowBreaks`, which is where the schema puts `<drawing>` (after rowBreaks and
 *   colBreaks, before legacyDrawing); the element is written there, just before it.
 * The drawing XML itself is written here rather than with exceljs's DrawingXform: that xform puts
 * `editAs` on a oneCellAnchor (not allowed by the schema; openpyxl refuses the whole drawing) and
 * writes a zero size in the picture's own frame.
 */

/** DrawingML's unit: 914,400 per inch, so 9,525 per pixel at 96 dpi and 12,700 per point. */
export const EMU_PER_PIXEL = 9525;
export const EMU_PER_POINT = 12700;

/** A point on a sheet as DrawingML anchors it: a cell (zero-based) and offsets into it in EMU. */
export interface CellPoint {
  col: number;
  colOff: number;
  row: number;
  rowOff: number;
}

export type PictureType = 'png' | 'jpeg' | 'gif';

export interface TemplatePicture {
  /** The image file as stored in the template. */
  image: Buffer;
  type: PictureType;
  /** The top-left corner: the same cell and offsets in the output sheet. */
  from: CellPoint;
  /** The size in EMU, as the template shows it. */
  width: number;
  height: number;
}

/** Column widths and row heights of a template sheet (Excel's units: characters, points). */
export interface SheetGeometry {
  /** Width of the 1-based column in characters, when the sheet sets it. */
  columnWidth(column: number): number | undefined;
  /** Height of the 1-based row in points, when the sheet sets it. */
  rowHeight(row: number): number | undefined;
  defaultColumnWidth?: number;
  defaultRowHeight?: number;
}

const log = new Logger('ExcelTemplate');

/**
 * The pictures on a template sheet. A picture keeps its top-left cell and offsets; its size is
 * the one it has in the template: a one-cell anchor gives it, a two-cell anchor (what Excel and
 * LibreOffice write) spans from one cell point to another, measured on the template's columns
 * and rows as Excel measures them. The output anchors it by one cell: its rows get heights of
 * their own (a title row is taller), which would stretch a picture sized by its cells.
 */
export function picturesOf(book: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, template: string): TemplatePicture[] {
  const geometry: SheetGeometry = {
    columnWidth: (c) => (sheet.columns?.[c - 1]?.width ?? undefined),
    rowHeight: (r) => sheet.findRow(r)?.height ?? undefined,
    defaultColumnWidth: sheet.properties.defaultColWidth,
    defaultRowHeight: sheet.properties.defaultRowHeight || undefined,
  };
  const pictures: TemplatePicture[] = [];
  for (const picture of sheet.getImages() as unknown as ReadImage[]) {
    const medium = book.getImage(Number(picture.imageId)) as { extension?: string; buffer?: Buffer } | undefined;
    const type = pictureType(medium?.extension);
    if (!medium?.buffer || !type) {
      log.warn(`Excel template ${template}, sheet "${sheet.name}": a picture in ${medium?.extension ?? 'an unknown'} format is left out of exports; save it as PNG, JPEG or GIF`);
      continue;
    }
    const { tl, br, ext } = picture.range;
    const from = { col: tl.nativeCol, colOff: tl.nativeColOff, row: tl.nativeRow, rowOff: tl.nativeRowOff };
    const size = ext
      ? { width: Math.round(ext.width * EMU_PER_PIXEL), height: Math.round(ext.height * EMU_PER_PIXEL) }
      : spanSize(from, { col: br!.nativeCol, colOff: br!.nativeColOff, row: br!.nativeRow, rowOff: br!.nativeRowOff }, geometry);
    pictures.push({ image: medium.buffer, type, from, ...size });
  }
  return pictures;
}

/** What exceljs 4.4.0 reads for a picture: `br` for a two-cell anchor, `ext` (pixels) for a one-cell one. */
interface ReadImage {
  imageId: string | number;
  range: { tl: ExcelJS.Anchor; br?: ExcelJS.Anchor; ext?: { width: number; height: number } };
}

/** The formats Excel, LibreOffice and openpyxl all show; a picture inserted from a file keeps its own. */
export function pictureType(extension: string | undefined): PictureType | undefined {
  switch (extension?.toLowerCase()) {
    case 'png':
      return 'png';
    case 'jpg':
    case 'jpeg':
      return 'jpeg';
    case 'gif':
      return 'gif';
    default:
      return undefined;
  }
}

/** The size of the rectangle between two cell points, in EMU. */
export function spanSize(from: CellPoint, to: CellPoint, geometry: SheetGeometry): { width: number; height: number } {
  let width = to.colOff - from.colOff;
  for (let c = from.col; c < to.col; c++) width += columnEmu(geometry.columnWidth(c + 1) ?? geometry.defaultColumnWidth);
  let height = to.rowOff - from.rowOff;
  for (let r = from.row; r < to.row; r++) height += Math.round((geometry.rowHeight(r + 1) ?? geometry.defaultRowHeight ?? 15) * EMU_PER_POINT);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * A column's width in EMU as Excel draws it: whole pixels from the width in characters of the
 * default font's widest digit (7 pixels for Calibri 11), as ECMA-376 §18.3.1.13 gives it; a
 * column the sheet leaves at its default is 64 pixels.
 */
export function columnEmu(width: number | undefined): number {
  const pixels = width === undefined ? 64 : Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * EMU_PER_PIXEL;
}

// ------------------------------------------------------------------------------------------------
// Writing into exceljs's streaming writer.

const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** The internals of exceljs 4.4.0's WorkbookWriter used here (see the top of the file). */
interface BookInternals {
  zip: { append(source: unknown, data: { name: string }): unknown };
  addImage(image: { buffer: Buffer; extension: PictureType }): number;
  getImage(id: number): { name?: unknown };
}

/** The internals of exceljs 4.4.0's WorksheetWriter used here. */
interface SheetInternals {
  id: number;
  stream: { write(text: string): unknown };
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeLegacyData(): void;
}

/** Per workbook being written: its drawing parts (for the content types) and its media by image. */
interface BookState {
  drawings: string[];
  media: Map<Buffer, string>;
}
const books = new WeakMap<object, BookState>();

/**
 * Adds the pictures to a sheet of a streaming workbook. Call it right after `addWorksheet`,
 * before the sheet commits; the rows keep streaming as before (the drawing part is a few hundred
 * bytes, the images are written once at the workbook's commit). No pictures: nothing is added.
 */
export function addPictures(book: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet, pictures: readonly TemplatePicture[]): void {
  if (pictures.length === 0) return;
  const { b, s } = writerInternals(book, sheet);
  const state = bookState(b);

  // The images (each stored once per workbook) and the drawing's relationships to them.
  const rels: string[] = [];
  const embeds = pictures.map((picture) => {
    let media = state.media.get(picture.image);
    if (!media) {
      const stored = b.getImage(b.addImage({ buffer: picture.image, extension: picture.type })).name;
      if (typeof stored !== 'string') throw internalsChanged('WorkbookWriter.getImage(id).name');
      media = stored;
      state.media.set(picture.image, media);
    }
    const target = `../media/${media}`;
    let index = rels.indexOf(target);
    if (index < 0) index = rels.push(target) - 1;
    return `rId${index + 1}`;
  });

  const name = `drawing${s.id}`;
  b.zip.append(drawingXml(pictures, embeds), { name: `xl/drawings/${name}.xml` });
  b.zip.append(relationshipsXml(rels.map((target, i) => ({ id: `rId${i + 1}`, type: REL_IMAGE, target }))), { name: `xl/drawings/_rels/${name}.xml.rels` });
  state.drawings.push(`/xl/drawings/${name}.xml`);

  const rId = s._sheetRelsWriter.addRelationship({ Type: REL_DRAWING, Target: `../drawings/${name}.xml` });
  const writeLegacyData = s._writeLegacyData;
  s._writeLegacyData = function (this: SheetInternals) {
    this.stream.write(`<drawing r:id="${rId}"/>`);
    writeLegacyData.call(this);
  };
}

/** The drawing part: one one-cell anchor per picture (top-left cell and offsets, size in EMU). */
export function drawingXml(pictures: readonly TemplatePicture[], embeds: readonly string[]): string {
  const anchors = pictures.map((p, i) => {
    const size = `cx="${Math.round(p.width)}" cy="${Math.round(p.height)}"`;
    return (
      '<xdr:oneCellAnchor>' +
      `<xdr:from><xdr:col>${p.from.col}</xdr:col><xdr:colOff>${Math.round(p.from.colOff)}</xdr:colOff><xdr:row>${p.from.row}</xdr:row><xdr:rowOff>${Math.round(p.from.rowOff)}</xdr:rowOff></xdr:from>` +
      `<xdr:ext ${size}/>` +
      '<xdr:pic>' +
      `<xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="Picture ${i + 1}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
      `<xdr:blipFill><a:blip r:embed="${embeds[i]}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ${size}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
      '</xdr:pic>' +
      '<xdr:clientData/>' +
      '</xdr:oneCellAnchor>'
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"' +
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"' +
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    anchors.join('') +
    '</xdr:wsDr>'
  );
}

function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('') +
    '</Relationships>'
  );
}

/**
 * The workbook's drawings, and once per workbook: the drawing parts' content type, added to the
 * `[Content_Types].xml` exceljs appends at commit (its streaming writer lists no drawings).
 */
function bookState(b: BookInternals): BookState {
  let state = books.get(b);
  if (!state) {
    const created: BookState = { drawings: [], media: new Map() };
    state = created;
    books.set(b, state);
    const append = b.zip.append;
    b.zip.append = function (this: unknown, source: unknown, data: { name: string }) {
      if (data?.name === '[Content_Types].xml' && created.drawings.length) {
        if (typeof source !== 'string' || !source.includes('</Types>')) throw internalsChanged('the [Content_Types].xml string given to WorkbookWriter.zip.append');
        const overrides = created.drawings.map((part) => `<Override PartName="${part}" ContentType="${DRAWING_TYPE}"/>`).join('');
        source = source.replace('</Types>', `${overrides}</Types>`);
      }
      return append.call(this, source, data);
    };
  }
  return state;
}

/** The writer's internals this module uses, each checked: a changed exceljs fails here, loudly. */
export function writerInternals(book: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet): { b: BookInternals; s: SheetInternals } {
  const b = book as unknown as BookInternals;
  const s = sheet as unknown as SheetInternals;
  if (typeof b.zip?.append !== 'function') throw internalsChanged('WorkbookWriter.zip.append');
  if (typeof b.addImage !== 'function' || typeof b.getImage !== 'function') throw internalsChanged('WorkbookWriter.addImage/getImage');
  if (typeof s.id !== 'number') throw internalsChanged('WorksheetWriter.id');
  if (typeof s._sheetRelsWriter?.addRelationship !== 'function') throw internalsChanged('WorksheetWriter._sheetRelsWriter.addRelationship');
  if (typeof s._writeLegacyData !== 'function') throw internalsChanged('WorksheetWriter._writeLegacyData');
  if (typeof s.stream?.write !== 'function') throw internalsChanged('WorksheetWriter.stream');
  return { b, s };
}

function internalsChanged(what: string): Error {
  return new Error(`exceljs changed ${what}, which src/modules/export/kit/template-pictures.ts relies on (written for exceljs 4.4.0): template pictures cannot be written`);
}
