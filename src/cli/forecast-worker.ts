/**
 * The forecast's thread (compiled into cli/build/flow-metrics-forecast.js): answers the forecast inputs it is
 * sent with the forecast section, worked out as `buildFlowReportWithRows` does in its own thread. See
 * forecast-thread.ts, which starts it and waits for its answer.
 */
import { workerData } from 'node:worker_threads';
import { forecasterOf } from '../domain';
import { answerForecasts, type ForecastThreadData } from './forecast-answers';

answerForecasts(workerData as ForecastThreadData, (inputs) => forecasterOf(inputs)());
