"""An independent reader for the export tests: prints what openpyxl sees in a workbook as JSON.

usage: /usr/bin/python3 read-xlsx.py FILE [MAX_ROWS]
"""
import hashlib
import json
import sys

import openpyxl
import openpyxl.utils
# Without Pillow openpyxl drops every picture silently (python3-pil, a Recommends of python3-openpyxl).
import PIL  # noqa: F401


def colour(fill):
    if fill is None or fill.fill_type != 'solid':
        return None
    rgb = fill.fgColor.rgb if fill.fgColor is not None else None
    return rgb if isinstance(rgb, str) else None


def point(marker):
    return {'col': marker.col, 'colOff': marker.colOff, 'row': marker.row, 'rowOff': marker.rowOff}


def image(img):
    """A picture as openpyxl reads it: its bytes' digest and format, and its anchor (EMU offsets)."""
    anchor = img.anchor
    data = img._data()
    out = {'sha256': hashlib.sha256(data).hexdigest(), 'bytes': len(data), 'format': img.format, 'anchor': type(anchor).__name__, 'from': point(anchor._from)}
    if getattr(anchor, 'to', None) is not None:
        out['to'] = point(anchor.to)
    if getattr(anchor, 'ext', None) is not None:
        out['ext'] = {'cx': anchor.ext.width, 'cy': anchor.ext.height}
    return out


def main():
    path = sys.argv[1]
    max_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    book = openpyxl.load_workbook(path)
    out = {'sheets': book.sheetnames}
    for ws in book.worksheets:
        setup = ws.page_setup
        sheet = {
            'freeze': ws.freeze_panes,
            'autoFilter': ws.auto_filter.ref,
            'printTitleRows': ws.print_title_rows,
            'orientation': setup.orientation,
            'fitToWidth': setup.fitToWidth,
            'fitToHeight': setup.fitToHeight,
            'fitToPage': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            'footer': {'left': ws.oddFooter.left.text, 'center': ws.oddFooter.center.text, 'right': ws.oddFooter.right.text},
            'maxRow': ws.max_row,
            'maxColumn': ws.max_column,
            'rows': [],
            'widths': {openpyxl.utils.get_column_letter(c): ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, 21)},
            'images': [image(img) for img in ws._images],
        }
        for r in range(1, min(ws.max_row, max_rows) + 1):
            cells = []
            for c in range(1, ws.max_column + 1):
                cell = ws.cell(row=r, column=c)
                fill = colour(cell.fill)
                if cell.value is None and fill is None:
                    continue
                value = cell.value
                if hasattr(value, 'isoformat'):
                    value = value.isoformat()
                cells.append({'c': c, 'v': value, 't': cell.data_type, 'date': cell.is_date, 'fmt': cell.number_format, 'fill': fill})
            sheet['rows'].append({'r': r, 'outline': ws.row_dimensions[r].outline_level, 'cells': cells})
        out[ws.title] = sheet
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


main()
