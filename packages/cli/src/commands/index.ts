/** The table of commands, in the order of `kiemdiem --help` (COMMAND_NAMES). */
import type { Command } from '../command';
import { diff } from './diff';
import { feedback } from './feedback';
import { forms } from './forms';
import { plan } from './plan';
import { rate } from './rate';
import { regulations } from './regulations';
import { remediation } from './remediation';
import { render } from './render';
import { renderBatch } from './render-batch';
import { rollup } from './rollup';
import { serve } from './serve';
import { summary } from './summary';
import { template } from './template';
import { test } from './test';
import { validate } from './validate';

export const COMMANDS: readonly Command[] = [rate, template, test, diff, regulations, forms, validate, render, renderBatch, summary, plan, rollup, feedback, remediation, serve];
