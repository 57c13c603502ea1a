/**
 * The packs shipped with the SDK, bundled as data so they load in browsers without file access.
 * builtin.test.ts checks that every file under regulations/ is listed here.
 */
import m366 from '../../regulations/qd-366-2025/manifest.json';
import p366 from '../../regulations/qd-366-2025/parameters.json';
import r366doiTuong from '../../regulations/qd-366-2025/rules/doi-tuong.json';
import r366k1 from '../../regulations/qd-366-2025/rules/dieu-11-khoan-1.json';
import r366k2 from '../../regulations/qd-366-2025/rules/dieu-11-khoan-2.json';
import r366k3 from '../../regulations/qd-366-2025/rules/dieu-11-khoan-3.json';
import r366k4 from '../../regulations/qd-366-2025/rules/dieu-11-khoan-4.json';

export const BUILTIN_PACK_FILES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'qd-366-2025': {
    'manifest.json': m366,
    'parameters.json': p366,
    'rules/doi-tuong.json': r366doiTuong,
    'rules/dieu-11-khoan-1.json': r366k1,
    'rules/dieu-11-khoan-2.json': r366k2,
    'rules/dieu-11-khoan-3.json': r366k3,
    'rules/dieu-11-khoan-4.json': r366k4,
  },
};
