// Type declarations of the `mxlite` package. The classes below are written by hand
// (scripts/index.d.ts.in); the operator interfaces at the end are generated from the
// core's registry by scripts/gen-dts.js.

export type DType = 'float32' | 'float64' | 'float16' | 'uint8' | 'int32' | 'int8' | 'int64' | 'bool';
export type TypedArray = Float32Array | Float64Array | Uint16Array | Uint8Array | Int32Array | Int8Array | BigInt64Array;
export type Shape = number[];
export type NestedArray = number | boolean | NestedArray[];
export type ParamValue = string | number | boolean | null | number[] | Context;
export type GradReq = 'write' | 'add' | 'null' | 'inplace';

/** An error reported by the C ABI: kind is the MXL_ERR_* name, code its number. */
export class MXNetError extends Error {
  kind: string;
  code: number | null;
}

export class Context {
  constructor(deviceType: 'cpu' | 'gpu' | 'cpu_pinned' | Context, deviceId?: number);
  readonly deviceType: string;
  readonly deviceTypeid: number;
  readonly deviceId: number;
  equals(other: unknown): boolean;
  toString(): string;
  emptyCache(): void;
}

export class NDArray {
  /** The C handle (a BigInt pointer); throws once disposed. */
  readonly handle: bigint;
  readonly shape: Shape;
  readonly dtype: DType;
  readonly context: Context;
  readonly ctx: Context;
  readonly size: number;
  readonly ndim: number;
  readonly isDisposed: boolean;
  readonly grad: NDArray | null;
  readonly T: NDArray;
  dispose(): void;
  waitToRead(): this;
  waitToWrite(): this;
  /** The values as a flat TypedArray (blocks); float16 gives raw half bits. */
  toArray(): TypedArray;
  data(): TypedArray;
  asnumpy(): TypedArray;
  /** The values, waiting on a worker thread (the event loop keeps running). */
  dataAsync(): Promise<TypedArray>;
  asScalar(): number | bigint;
  toList(): any;
  set(value: number | boolean | NDArray | TypedArray | NestedArray): this;
  copyTo(other: NDArray | Context): NDArray;
  copy(): NDArray;
  asInContext(ctx: Context | string): NDArray;
  astype(dtype: DType, options?: { copy?: boolean }): NDArray;
  reshape(shape: Shape, options?: { reverse?: boolean }): NDArray;
  reshape(...dims: number[]): NDArray;
  slice(begin: number, end?: number): NDArray;
  slice(params: { begin: Array<number | null>; end: Array<number | null>; step?: Array<number | null> }): NDArray;
  at(index: number): NDArray;
  transpose(axes?: number[]): NDArray;
  flatten(): NDArray;
  expandDims(axis: number): NDArray;
  squeeze(axis?: number | number[]): NDArray;
  add(other: NDArray | number): NDArray;
  sub(other: NDArray | number): NDArray;
  mul(other: NDArray | number): NDArray;
  div(other: NDArray | number): NDArray;
  mod(other: NDArray | number): NDArray;
  pow(other: NDArray | number): NDArray;
  maximum(other: NDArray | number): NDArray;
  minimum(other: NDArray | number): NDArray;
  eq(other: NDArray | number): NDArray;
  ne(other: NDArray | number): NDArray;
  gt(other: NDArray | number): NDArray;
  ge(other: NDArray | number): NDArray;
  lt(other: NDArray | number): NDArray;
  le(other: NDArray | number): NDArray;
  rsub(other: number): NDArray;
  rdiv(other: number): NDArray;
  rmod(other: number): NDArray;
  rpow(other: number): NDArray;
  neg(): NDArray;
  addInPlace(other: NDArray | number): this;
  subInPlace(other: NDArray | number): this;
  mulInPlace(other: NDArray | number): this;
  divInPlace(other: NDArray | number): this;
  attachGrad(gradReq?: GradReq): this;
  backward(outGrad?: NDArray | null, options?: { trainMode?: boolean }): void;
  detach(): NDArray;
  toJSON(): any;
  toString(): string;
  // Fluent methods (sum, mean, argmax, softmax, ...) are declared at the end, from the registry.
}

export interface ArrayOptions { shape?: Shape; dtype?: DType; ctx?: Context | string }
export interface CreateOptions { dtype?: DType; ctx?: Context | string }
type BinaryFunction = (lhs: NDArray | number, rhs: NDArray | number, options?: { out?: NDArray }) => NDArray;

export interface NdNamespace extends NdOps {
  NDArray: typeof NDArray;
  array(data: NestedArray | TypedArray | NDArray, options?: ArrayOptions): NDArray;
  empty(shape: Shape | number, options?: CreateOptions): NDArray;
  zeros(shape: Shape | number, options?: CreateOptions): NDArray;
  ones(shape: Shape | number, options?: CreateOptions): NDArray;
  full(shape: Shape | number, value: number, options?: CreateOptions & { out?: NDArray }): NDArray;
  arange(start: number, stop?: number | null, options?: CreateOptions & { step?: number; repeat?: number }): NDArray;
  waitall(): void;
  save(fname: string, data: NDArray | NDArray[] | { [name: string]: NDArray }): void;
  load(fname: string): NDArray[] | { [name: string]: NDArray };
  add: BinaryFunction; subtract: BinaryFunction; multiply: BinaryFunction; divide: BinaryFunction;
  modulo: BinaryFunction; power: BinaryFunction; maximum: BinaryFunction; minimum: BinaryFunction;
  equal: BinaryFunction; notEqual: BinaryFunction; greater: BinaryFunction; greaterEqual: BinaryFunction;
  lesser: BinaryFunction; lesserEqual: BinaryFunction;
  not_equal: BinaryFunction; greater_equal: BinaryFunction; lesser_equal: BinaryFunction;
  op: NdOps;
  _internal: NdInternalOps;
  contrib: NdContribOps;
  linalg: NdLinalgOps;
  random: NdRandomOps;
  image: NdImageOps;
}

export class Symbol {
  readonly handle: bigint;
  readonly name: string | null;
  readonly numOutputs: number;
  dispose(): void;
  listArguments(): string[];
  listOutputs(): string[];
  listAuxiliaryStates(): string[];
  listInputs(): string[];
  get(index: number | string): Symbol;
  getInternals(): Symbol;
  getChildren(): Symbol | null;
  compose(args: Symbol[] | { [name: string]: Symbol }, options?: { name?: string }): Symbol;
  attr(key: string): string | null;
  listAttr(): { [key: string]: string };
  attrDict(): { [node: string]: { [key: string]: string } };
  setAttr(attrs: { [key: string]: string }): this;
  /** [argShapes, outShapes, auxShapes], or [null, null, null] when some are unknown. */
  inferShape(shapes: { [name: string]: Shape } | Array<Shape | null>):
    [Shape[], Shape[], Shape[]] | [null, null, null];
  inferShapePartial(shapes: { [name: string]: Shape } | Array<Shape | null>): [Shape[], Shape[], Shape[]];
  inferType(types: { [name: string]: DType }): [DType[], DType[], DType[]] | [null, null, null];
  toJSON(): string;
  tojson(): string;
  save(fname: string): void;
  simpleBind(options: { ctx?: Context | string; gradReq?: GradReq | GradReq[] | { [name: string]: GradReq };
    typeDict?: { [name: string]: DType }; sharedExec?: Executor; shapes?: { [name: string]: Shape };
    [shape: string]: any }): Executor;
  bind(ctx: Context | string, args: NDArray[] | { [name: string]: NDArray }, options?: BindOptions): Executor;
  bind(options: BindOptions & { ctx?: Context | string; args: NDArray[] | { [name: string]: NDArray } }): Executor;
  eval(ctx: Context | string, args: { [name: string]: NDArray }): NDArray[];
  add(other: Symbol | number): Symbol;
  sub(other: Symbol | number): Symbol;
  rsub(other: number): Symbol;
  mul(other: Symbol | number): Symbol;
  div(other: Symbol | number): Symbol;
  rdiv(other: number): Symbol;
  mod(other: Symbol | number): Symbol;
  pow(other: Symbol | number): Symbol;
  neg(): Symbol;
  eq(other: Symbol | number): Symbol;
  ne(other: Symbol | number): Symbol;
  gt(other: Symbol | number): Symbol;
  ge(other: Symbol | number): Symbol;
  lt(other: Symbol | number): Symbol;
  le(other: Symbol | number): Symbol;
  reshape(shape: Shape, options?: { reverse?: boolean }): Symbol;
  toString(): string;
  // Fluent methods (sum, relu, softmax, ...) are declared at the end, from the registry.
}

export interface BindOptions {
  argsGrad?: NDArray[] | { [name: string]: NDArray } | null;
  gradReq?: GradReq | GradReq[] | { [name: string]: GradReq };
  auxStates?: NDArray[] | { [name: string]: NDArray } | null;
}

export interface VariableOptions {
  attr?: { [key: string]: string }; shape?: Shape; lrMult?: number; wdMult?: number;
  dtype?: DType; init?: string; stype?: string;
}

export interface SymNamespace extends SymOps {
  Symbol: typeof Symbol;
  Variable(name: string, options?: VariableOptions): Symbol;
  var(name: string, options?: VariableOptions): Symbol;
  Group(symbols: Symbol[]): Symbol;
  load(fname: string): Symbol;
  loadJSON(json: string): Symbol;
  load_json(json: string): Symbol;
  zeros(shape: Shape, options?: { dtype?: DType; name?: string }): Symbol;
  ones(shape: Shape, options?: { dtype?: DType; name?: string }): Symbol;
  op: SymOps;
  _internal: SymInternalOps;
  contrib: SymContribOps;
  linalg: SymLinalgOps;
  random: SymRandomOps;
  image: SymImageOps;
}

export class Executor {
  readonly handle: bigint;
  readonly symbol: Symbol;
  argArrays: NDArray[];
  gradArrays: Array<NDArray | null>;
  auxArrays: NDArray[];
  outputs: NDArray[];
  readonly argDict: { [name: string]: NDArray };
  readonly gradDict: { [name: string]: NDArray };
  readonly auxDict: { [name: string]: NDArray };
  readonly outputDict: { [name: string]: NDArray };
  dispose(): void;
  forward(isTrain?: boolean | ({ isTrain?: boolean } & { [arg: string]: any })): NDArray[];
  backward(outGrads?: NDArray | Array<NDArray | null> | { [output: string]: NDArray } | null): void;
  copyParamsFrom(argParams: { [name: string]: NDArray }, auxParams?: { [name: string]: NDArray } | null,
    allowExtraParams?: boolean): void;
  memoryStats(): [number, number];
  fusionStats(): [number, number];
  debugStr(): string;
}

export interface Initializer { call(name: string, arr: NDArray): void }

export interface FeedForwardOptions {
  symbol: Symbol; ctx?: Context; numEpoch?: number; optimizer?: OptimizerName | Optimizer; initializer?: Initializer;
  batchSize?: number; numpyBatchSize?: number; argParams?: { [name: string]: NDArray } | null;
  auxParams?: { [name: string]: NDArray } | null; beginEpoch?: number; seed?: number;
  learningRate?: number; momentum?: number; wd?: number; clipGradient?: number; rescaleGrad?: number;
}

export type Data = NDArray | NestedArray | { data: TypedArray; shape: Shape };

export class FeedForward {
  constructor(options: FeedForwardOptions);
  argParams: { [name: string]: NDArray } | null;
  auxParams: { [name: string]: NDArray } | null;
  fit(options: { X: Data; y: NDArray | TypedArray | number[]; evalData?: [Data, NDArray | TypedArray | number[]] | null;
    evalMetric?: 'acc' | 'accuracy'; logger?: { info(msg: string): void } | null;
    batchEndCallback?: ((p: { epoch: number; nbatch: number }) => void) | null;
    epochEndCallback?: ((p: { epoch: number }) => void) | null }):
    { epochs: Array<{ epoch: number; train: [string, number]; eval: [string, number] | null }> };
  predict(X: Data): NDArray;
  save(prefix: string, epoch?: number): void;
  static load(prefix: string, epoch: number, options?: Partial<FeedForwardOptions>): FeedForward;
  readonly symbol: Symbol;
  score(X: Data, y: NDArray | TypedArray | number[], evalMetric?: 'acc'): number;
}

/** Options every optimizer takes (clipGradient null or <= 0: no clipping). */
export interface OptimizerOptions { learningRate?: number; wd?: number; rescaleGrad?: number; clipGradient?: number | null }

/** An optimizer: its fused update operator, run here by update() or in a KVStore. */
export class Optimizer {
  learningRate: number;
  wd: number;
  rescaleGrad: number;
  clipGradient: number | null;
  /** [operator name, its fixed parameters] */
  updateOp(): [string, { [param: string]: number | boolean }];
  /** The learning rate of update number count (1-based). */
  lrAt(count: number): number;
  stepParams(count: number): { [param: string]: number };
  update(index: number | string, weight: NDArray, grad: NDArray): void;
}
export class SGD extends Optimizer { constructor(options?: OptimizerOptions & { momentum?: number }); momentum: number }
export class NAG extends SGD {}
export class Adam extends Optimizer {
  constructor(options?: OptimizerOptions & { beta1?: number; beta2?: number; epsilon?: number });
}
export class AdaGrad extends Optimizer { constructor(options?: OptimizerOptions & { epsilon?: number }) }
export class RMSProp extends Optimizer {
  constructor(options?: OptimizerOptions & { gamma1?: number; gamma2?: number; epsilon?: number; centered?: boolean;
    clipWeights?: number | null });
}
export type OptimizerName = 'sgd' | 'nag' | 'adam' | 'adagrad' | 'rmsprop';
export interface OptimizerNamespace {
  Optimizer: typeof Optimizer; SGD: typeof SGD; NAG: typeof NAG; Adam: typeof Adam; AdaGrad: typeof AdaGrad;
  RMSProp: typeof RMSProp;
  create(name: OptimizerName | Optimizer, options?: { [option: string]: number | boolean | null }): Optimizer;
}

export type KVKey = number | string;
/** One key with an array (or one per device), or a list of keys with one entry each. */
export type KVValues = NDArray | NDArray[] | Array<NDArray | NDArray[]>;

/** MXNet's KVStore over the core's store: mx.kv.create('local'). */
export class KVStore {
  readonly handle: bigint;
  readonly type: 'local' | 'device' | 'nccl' | 'dist_sync' | 'dist_async';
  readonly rank: number;
  readonly numWorkers: number;
  readonly optimizer: Optimizer | null;
  init(keys: KVKey | KVKey[], values: KVValues): void;
  push(keys: KVKey | KVKey[], values: KVValues): void;
  pull(keys: KVKey | KVKey[], outs: KVValues): void;
  pushPull(keys: KVKey | KVKey[], values: KVValues, outs?: KVValues | null): void;
  setOptimizer(optimizer: OptimizerName | Optimizer, options?: { [option: string]: number | boolean | null }): void;
  numUpdate(key: KVKey): number;
  keys(): KVKey[];
  barrier(): void;
  saveOptimizerStates(fname: string): void;
  loadOptimizerStates(fname: string): void;
  dispose(): void;
}
export interface KVNamespace {
  KVStore: typeof KVStore;
  create(type?: 'local' | 'device' | 'nccl' | 'dist_sync' | 'dist_async' | 'dist' | string): KVStore;
}

export class NameManager { get(name: string | null | undefined, hint: string): string; }
export class Prefix extends NameManager { constructor(prefix: string); }

declare const mx: {
  default: typeof mx;
  NDArray: typeof NDArray;
  Symbol: typeof Symbol;
  FeedForward: typeof FeedForward;
  KVStore: typeof KVStore;
  __version__: string;
  abiVersion: number;
  libraryPath: string;
  MXNetError: typeof MXNetError;
  Context: typeof Context;
  cpu(deviceId?: number): Context;
  gpu(deviceId?: number): Context;
  cpuPinned(deviceId?: number): Context;
  currentContext(): Context;
  numGpus(): number;
  gpuInfo(): string;
  withContext<T>(ctx: Context | string, fn: () => T): T;
  nd: NdNamespace;
  ndarray: NdNamespace;
  sym: SymNamespace;
  symbol: SymNamespace;
  Executor: typeof Executor;
  name: { NameManager: typeof NameManager; Prefix: typeof Prefix; withScope<T>(manager: NameManager, fn: () => T): T };
  random: NdRandomOps & { seed(seed: number, ctx?: Context | string | 'all'): void };
  autograd: {
    record<T>(fn: () => T, options?: { trainMode?: boolean }): T;
    pause<T>(fn: () => T, options?: { trainMode?: boolean }): T;
    isRecording(): boolean;
    isTraining(): boolean;
    markVariables(variables: NDArray[], gradients: NDArray[], gradReqs?: GradReq | GradReq[]): void;
    backward(heads: NDArray | NDArray[], headGrads?: NDArray | Array<NDArray | null> | null,
      options?: { trainMode?: boolean }): void;
  };
  waitall(): void;
  /** Frees every NDArray made during fn except those returned or kept (fn must be synchronous). */
  tidy<T>(fn: () => T): T;
  /** Marks arrays (or lists / objects of them) as surviving enclosing tidy scopes. */
  keep<T>(value: T): T;
  base: {
    blasName(): string;
    engineInfo(): { kind: string; cpuWorkers: number };
    storageStats(ctx?: Context | string): { inUse: number; peak: number; pooled: number };
  };
  ops: { names(): string[]; info(name: string): any; exists(name: string): boolean };
  model: {
    FeedForward: typeof FeedForward;
    SGD: typeof SGD;
    prng(seed: number): () => number;
    saveCheckpoint(prefix: string, epoch: number, symbol: Symbol | null, argParams: { [name: string]: NDArray },
      auxParams?: { [name: string]: NDArray } | null): void;
    loadCheckpoint(prefix: string, epoch: number): { symbol: Symbol; argParams: { [name: string]: NDArray };
      auxParams: { [name: string]: NDArray } };
    loadParams(prefix: string, epoch: number): { argParams: { [name: string]: NDArray };
      auxParams: { [name: string]: NDArray } };
  };
  optimizer: OptimizerNamespace;
  kv: KVNamespace;
  kvstore: KVNamespace;
  init: {
    Uniform: new (scale?: number) => Initializer;
    Normal: new (sigma?: number) => Initializer;
    Xavier: new (options?: { rndType?: 'uniform' | 'gaussian'; factorType?: 'avg' | 'in' | 'out'; magnitude?: number }) => Initializer;
    Constant: new (value: number) => Initializer;
    Zero: new () => Initializer;
    One: new () => Initializer;
  };
};
export default mx;

// @generated-ops below: do not edit by hand (node scripts/gen-dts.js)

/** mx.nd operators (generated from the registry). */

export interface NdOps {
  /**
   * Applies an activation function elementwise: relu, sigmoid, softrelu (log(1+exp(x))), softsign (x/(1+|x|)) or tanh.
   */
  Activation(data?: NDArray | null, params?: { data?: NDArray; act_type: "relu" | "sigmoid" | "softrelu" | "softsign" | "tanh"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  Activation(params: { data?: NDArray; act_type: "relu" | "sigmoid" | "softrelu" | "softsign" | "tanh"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Batch normalization. Normalizes a data batch by mean and variance per channel (axis), and applies a scale gamma and offset beta: out = (data - mean) / sqrt(var + eps) * gamma + beta. In training (is_train and not use_global_stats) mean and var come from the batch and the auxiliary states are updated: moving_mean = moving_mean * momentum + mean * (1 - momentum), likewise moving_var with the biased batch variance; otherwise the moving statistics are used. fix_gamma treats gamma as 1. With output_mean_var the mean and the inverse std are also returned.
   */
  BatchNorm(data?: NDArray | null, gamma?: NDArray | null, beta?: NDArray | null, moving_mean?: NDArray | null, moving_var?: NDArray | null, params?: { data?: NDArray; gamma?: NDArray; beta?: NDArray; moving_mean?: NDArray; moving_var?: NDArray; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  BatchNorm(params: { data?: NDArray; gamma?: NDArray; beta?: NDArray; moving_mean?: NDArray; moving_var?: NDArray; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Samples data at the points of a grid by bilinear interpolation. data is (batch, C, H, W); grid (batch, 2, Ho, Wo) holds normalised source coordinates (channel 0: x, channel 1: y; -1 and 1 are the centres of the first and last pixels), as GridGenerator makes them. The output (batch, C, Ho, Wo) blends the four pixels around each point; pixels outside the input read as 0, so points near the border fade toward 0 and points beyond it give 0. The gradient reaches data and grid (for grid, the slope of the blend within the point's cell).
   */
  BilinearSampler(data?: NDArray | null, grid?: NDArray | null, params?: { data?: NDArray; grid?: NDArray; cudnn_off?: boolean | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  BilinearSampler(params: { data?: NDArray; grid?: NDArray; cudnn_off?: boolean | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Returns the input unchanged and stops gradients from flowing back through it.
   */
  BlockGrad(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  BlockGrad(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   */
  CTCLoss(data?: NDArray | null, label?: NDArray | null, data_lengths?: NDArray | null, label_lengths?: NDArray | null, params?: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  CTCLoss(params: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Casts every element to the given dtype (floats truncate toward zero when cast to integers).
   */
  Cast(data?: NDArray | null, params?: { data?: NDArray; dtype: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  Cast(params: { data?: NDArray; dtype: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Joins arrays along dim; all other dimensions must match.
   */
  Concat(...args: Array<NDArray | NDArray[] | { num_args?: number; dim?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray;
  /**
   * Compute N-D convolution on (N+2)-D input (NCW, NCHW or NCDHW). out[n, f] = bias[f] + sum over c, window of weight[f, c] * data[n, c]; the output spatial size is floor((x + 2*pad - dilate*(kernel-1) - 1) / stride) + 1. weight has shape (num_filter, channels / num_group, *kernel) and bias (num_filter,). With num_group > 1 the channels are split into independent groups.
   */
  Convolution(data?: NDArray | null, weight?: NDArray | null, bias?: NDArray | null, params?: { data?: NDArray; weight?: NDArray; bias?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  Convolution(params: { data?: NDArray; weight?: NDArray; bias?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Crops the height and width (dims 2 and 3) of 4-D data (MXNet's legacy Crop; slice is the general op). With one input the window size is h_w, with two it is the height and width of the second input (crop_like, whose values are not read). The window starts at offset (y, x), or is centred with center_crop. The gradient of data is ograd inside the window, zero elsewhere; crop_like gets none.
   */
  Crop(...args: Array<NDArray | NDArray[] | { num_args?: number; offset?: number[] | number; h_w?: number[] | number; center_crop?: boolean; out?: NDArray | NDArray[]; name?: string }>): NDArray;
  /**
   * Applies a custom operator whose shapes, types, forward and backward are written in a binding (Python: a CustomOpProp subclass registered with mx.operator.register). Inputs follow the prop's list_arguments(); every other parameter is passed to the prop as a string.
   */
  Custom(params?: { op_type?: string; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Computes 1-D, 2-D or 3-D transposed convolution (aka fractionally strided convolution) of the input tensor: the gradient of Convolution with respect to its data. The output spatial size is stride*(x-1) + dilate*(kernel-1) + 1 - 2*pad + adj, or target_shape when given. weight has shape (channels, num_filter / num_group, *kernel) and bias (num_filter,).
   */
  Deconvolution(data?: NDArray | null, weight?: NDArray | null, bias?: NDArray | null, params?: { data?: NDArray; weight?: NDArray; bias?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  Deconvolution(params: { data?: NDArray; weight?: NDArray; bias?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Dropout: during training, zeroes elements with probability p and scales the others by 1/(1-p); the identity at inference.
   */
  Dropout(data?: NDArray | null, params?: { data?: NDArray; p?: number; mode?: "always" | "training"; axes?: number[] | number; cudnn_off?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  Dropout(params: { data?: NDArray; p?: number; mode?: "always" | "training"; axes?: number[] | number; cudnn_off?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sums all inputs elementwise: add_n(a1, ..., an) = a1 + ... + an, in one pass (every input has the same shape and dtype).
   * (registry name: add_n)
   */
  ElementWiseSum(...args: Array<NDArray | NDArray[] | { num_args?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray;
  /**
   * Maps integer indices to rows of weight (input_dim, output_dim): the result has shape data.shape + (output_dim,). Indices are clipped into [0, input_dim). The weight gradient is dense (sparse_grad is accepted for compatibility).
   */
  Embedding(data?: NDArray | null, weight?: NDArray | null, params?: { data?: NDArray; weight?: NDArray; input_dim: number; output_dim: number; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; sparse_grad?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  Embedding(params: { data?: NDArray; weight?: NDArray; input_dim: number; output_dim: number; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; sparse_grad?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Flattens to 2-D: (d0, d1*...*dn-1).
   */
  Flatten(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  Flatten(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Fully connected layer: y = x W^T + b, with W of shape (num_hidden, in_features) and b of shape (num_hidden,).
   */
  FullyConnected(data?: NDArray | null, weight?: NDArray | null, bias?: NDArray | null, params?: { data?: NDArray; weight?: NDArray; bias?: NDArray; num_hidden: number; no_bias?: boolean; flatten?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  FullyConnected(params: { data?: NDArray; weight?: NDArray; bias?: NDArray; num_hidden: number; no_bias?: boolean; flatten?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Generates a 2-D sampling grid for BilinearSampler. The output (batch, 2, H, W) holds, for every target pixel, the normalised source coordinates (channel 0: x, channel 1: y), where -1 and 1 are the centres of the input's first and last pixels. - 'affine': data (batch, 6) holds a 2x3 matrix per sample, row-major; the grid is that matrix applied to (x, y, 1), x and y running evenly over [-1, 1] across target_shape (H, W).
   */
  GridGenerator(data?: NDArray | null, params?: { data?: NDArray; transform_type: "affine" | "warp"; target_shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  GridGenerator(params: { data?: NDArray; transform_type: "affine" | "warp"; target_shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Group normalization. The channels (axis 1) of data (N, C, ...) are split into num_groups groups of C / num_groups channels; each sample's group is normalised by its own mean and variance: out = (x - mean) / sqrt(var + eps) * gamma[g] + beta[g], with gamma and beta of shape (num_groups,). With output_mean_var the mean and std (sqrt(var + eps)), of shape (N, num_groups), are also returned.
   */
  GroupNorm(data?: NDArray | null, gamma?: NDArray | null, beta?: NDArray | null, params?: { data?: NDArray; gamma?: NDArray; beta?: NDArray; num_groups?: number; eps?: number; output_mean_var?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  GroupNorm(params: { data?: NDArray; gamma?: NDArray; beta?: NDArray; num_groups?: number; eps?: number; output_mean_var?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Applies instance normalization to the n-dimensional input array. Each (batch, channel) plane is normalised by its own mean and variance: out = (data - mean) / sqrt(var + eps) * gamma[c] + beta[c], with gamma and beta of shape (channels,).
   */
  InstanceNorm(data?: NDArray | null, gamma?: NDArray | null, beta?: NDArray | null, params?: { data?: NDArray; gamma?: NDArray; beta?: NDArray; eps?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  InstanceNorm(params: { data?: NDArray; gamma?: NDArray; beta?: NDArray; eps?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Normalize the input array using the L2 norm. out = data / sqrt(sum(data^2) + eps), the sum over every axis but the first (mode='instance'), over axis 1 (mode='channel') or over axes 2 and up (mode='spatial'); channel and spatial need at least 3 dimensions.
   */
  L2Normalization(data?: NDArray | null, params?: { data?: NDArray; eps?: number; mode?: "channel" | "instance" | "spatial"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  L2Normalization(params: { data?: NDArray; eps?: number; mode?: "channel" | "instance" | "spatial"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Applies local response normalization to the input. Across channels (axis 1 of (N, C, ...)): out[c] = data[c] / (knorm + alpha / nsize * sum of data[j]^2 over the channels j with |j - c| <= (nsize - 1) / 2)^beta.
   */
  LRN(data?: NDArray | null, params?: { data?: NDArray; alpha?: number; beta?: number; knorm?: number; nsize: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  LRN(params: { data?: NDArray; alpha?: number; beta?: number; knorm?: number; nsize: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Layer normalization. Normalizes the channels of the input along the given axis: out = (data - mean(data, axis)) / sqrt(var(data, axis) + eps) * gamma + beta, with gamma and beta of shape (data.shape[axis],). With output_mean_var the mean and std (sqrt(var + eps)) are also returned, with the axis kept as size 1.
   */
  LayerNorm(data?: NDArray | null, gamma?: NDArray | null, beta?: NDArray | null, params?: { data?: NDArray; gamma?: NDArray; beta?: NDArray; axis?: number; eps?: number; output_mean_var?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  LayerNorm(params: { data?: NDArray; gamma?: NDArray; beta?: NDArray; axis?: number; eps?: number; output_mean_var?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Leaky rectified linear units: leaky (x or slope*x), prelu (x or gamma*x with a learned gamma per channel), elu (x or slope*(exp(x)-1)), selu and gelu (erf form).
   */
  LeakyReLU(data?: NDArray | null, gamma?: NDArray | null, params?: { data?: NDArray; gamma?: NDArray; act_type?: "elu" | "gelu" | "leaky" | "prelu" | "selu"; slope?: number; lower_bound?: number; upper_bound?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  LeakyReLU(params: { data?: NDArray; gamma?: NDArray; act_type?: "elu" | "gelu" | "leaky" | "prelu" | "selu"; slope?: number; lower_bound?: number; upper_bound?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Identity forward; squared-loss gradient (out - label) * grad_scale / m.
   */
  LinearRegressionOutput(data?: NDArray | null, label?: NDArray | null, params?: { data?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  LinearRegressionOutput(params: { data?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sigmoid forward; logistic-loss gradient (out - label) * grad_scale / m.
   */
  LogisticRegressionOutput(data?: NDArray | null, label?: NDArray | null, params?: { data?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  LogisticRegressionOutput(params: { data?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Identity forward; absolute-loss gradient sign(out - label) * grad_scale / m.
   */
  MAERegressionOutput(data?: NDArray | null, label?: NDArray | null, params?: { data?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  MAERegressionOutput(params: { data?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Make your own loss function in network construction. The forward pass returns data unchanged. The backward pass ignores the incoming gradient and returns grad_scale everywhere, divided by the batch size (normalization='batch') or by the number of elements greater than valid_thresh (normalization='valid', at least 1).
   */
  MakeLoss(data?: NDArray | null, params?: { data?: NDArray; grad_scale?: number; valid_thresh?: number; normalization?: "batch" | "null" | "valid"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  MakeLoss(params: { data?: NDArray; grad_scale?: number; valid_thresh?: number; normalization?: "batch" | "null" | "valid"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Pads every axis: pad_width = (before0, after0, before1, after1, ...). mode 'constant' fills constant_value, 'edge' repeats the edge value, 'reflect' mirrors without repeating the edge. (MXNet accepts only 4-D/5-D input; any rank works here.)
   */
  Pad(data?: NDArray | null, params?: { data?: NDArray; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  Pad(params: { data?: NDArray; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs pooling on the input (NCW, NCHW or NCDHW). pool_type: max, avg (divides by the padded window size unless count_include_pad is False), sum, or lp ((sum x^p)^(1/p), p_value 1, 2 or 3). Output size per spatial dim: valid: floor((x + 2*pad - kernel) / stride) + 1; full: the same with ceil; same: ceil(x / stride). global_pool pools each whole feature map to size 1.
   */
  Pooling(data?: NDArray | null, params?: { data?: NDArray; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  Pooling(params: { data?: NDArray; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Applies a recurrent layer stack (vanilla RNN with relu or tanh, LSTM or GRU) to a sequence. data is (sequence_length, batch_size, input_size). parameters is one flat vector: first every weight matrix -- for each layer, for each direction, the input-to-hidden matrix (gates * state_size, layer_input) then the hidden-to-hidden matrix (gates * state_size, state_size) -- then every bias, in the same order (input-to-hidden then hidden-to-hidden, gates * state_size each). layer_input is input_size for the first layer and directions * state_size above it; gates is 1 (rnn_relu, rnn_tanh), 4 (lstm, gate order i, f, g, o) or 3 (gru, gate order r, z, n). Its length is inferred from the other shapes. state (and state_cell for lstm) is (num_layers * directions, batch_size, state_size), indexed layer-major. The output is (sequence_length, batch_size, directions * state_size), the last layer's hidden states with the forward direction first; with state_outputs the final hidden state (and cell state) follow, shaped like state. Cells: rnn_relu/rnn_tanh h = act(W x + b_W + U h' + b_U); lstm c = f * c' + i * g, h = o * tanh(c) (i, f, o sigmoid, g tanh); gru r, z sigmoid, n = tanh(W_n x + b_Wn + r * (U_n h' + b_Un)), h = (1 - z) * n + z * h'.
   */
  RNN(data?: NDArray | null, parameters?: NDArray | null, state?: NDArray | null, state_cell?: NDArray | null, sequence_length?: NDArray | null, params?: { data?: NDArray; parameters?: NDArray; state?: NDArray; state_cell?: NDArray; sequence_length?: NDArray; state_size: number; num_layers: number; bidirectional?: boolean; mode: "gru" | "lstm" | "rnn_relu" | "rnn_tanh"; p?: number; state_outputs?: boolean; projection_size?: number | null; lstm_state_clip_min?: number | null; lstm_state_clip_max?: number | null; lstm_state_clip_nan?: boolean; use_sequence_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  RNN(params: { data?: NDArray; parameters?: NDArray; state?: NDArray; state_cell?: NDArray; sequence_length?: NDArray; state_size: number; num_layers: number; bidirectional?: boolean; mode: "gru" | "lstm" | "rnn_relu" | "rnn_tanh"; p?: number; state_outputs?: boolean; projection_size?: number | null; lstm_state_clip_min?: number | null; lstm_state_clip_max?: number | null; lstm_state_clip_nan?: boolean; use_sequence_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Region-of-interest max pooling (Fast R-CNN). data (batch, channel, height, width) is a feature map; rois (num_rois, 5) holds rows [batch_index, x1, y1, x2, y2], corners in image coordinates. Each roi is scaled by spatial_scale, rounded, split into a pooled_size grid of bins, and every bin is max-pooled, giving (num_rois, channel, pooled_h, pooled_w). Empty bins and rois whose batch_index is not in [0, batch) give 0. The gradient goes to each bin's maximum; rois get none.
   */
  ROIPooling(data?: NDArray | null, rois?: NDArray | null, params?: { data?: NDArray; rois?: NDArray; pooled_size: number[] | number; spatial_scale: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  ROIPooling(params: { data?: NDArray; rois?: NDArray; pooled_size: number[] | number; spatial_scale: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Reshapes the input without copying semantics changes. shape may use the codes 0 (copy this dim), -1 (infer), -2 (copy the remaining dims), -3 (merge two dims), -4 (split a dim into the two values that follow, one may be -1).
   */
  Reshape(data?: NDArray | null, params?: { data?: NDArray; shape?: number[] | number; reverse?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  Reshape(params: { data?: NDArray; shape?: number[] | number; reverse?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Support vector machine output layer (a loss). The forward returns data unchanged. The backward ignores the incoming gradient and returns the gradient of the one-vs-rest SVM loss over the last axis, with label (data's shape without the last axis) the target class: L2-SVM (squared hinge) by default, L1-SVM with use_linear. For the target class the gradient is -2 * max(margin - x, 0) (L1: -[x < margin]), for every other class 2 * max(margin + x, 0) (L1: [x > -margin]), all times regularization_coefficient.
   */
  SVMOutput(data?: NDArray | null, label?: NDArray | null, params?: { data?: NDArray; label?: NDArray; margin?: number; regularization_coefficient?: number; use_linear?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  SVMOutput(params: { data?: NDArray; label?: NDArray; margin?: number; regularization_coefficient?: number; use_linear?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the last element of a sequence. data is (max_sequence_length, batch_size, ...) for axis 0, (batch_size, max_sequence_length, ...) for axis 1; the output is (batch_size, ...): for each sequence the step sequence_length[b] - 1 with use_sequence_length (lengths must lie in [1, max_sequence_length]), else the last step.
   */
  SequenceLast(data?: NDArray | null, sequence_length?: NDArray | null, params?: { data?: NDArray; sequence_length?: NDArray; use_sequence_length?: boolean; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  SequenceLast(params: { data?: NDArray; sequence_length?: NDArray; use_sequence_length?: boolean; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sets all elements outside the sequence to a constant value. data is (max_sequence_length, batch_size, ...) for axis 0, (batch_size, max_sequence_length, ...) for axis 1. With use_sequence_length, steps at or after sequence_length[b] of sequence b are set to value; without, the data is returned unchanged.
   */
  SequenceMask(data?: NDArray | null, sequence_length?: NDArray | null, params?: { data?: NDArray; sequence_length?: NDArray; use_sequence_length?: boolean; value?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  SequenceMask(params: { data?: NDArray; sequence_length?: NDArray; use_sequence_length?: boolean; value?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Reverses the elements of each sequence. data is (max_sequence_length, batch_size, ...). With use_sequence_length the first sequence_length[b] steps of sequence b are reversed and the rest stay in place (lengths must lie in [0, max_sequence_length]); without, every sequence is reversed whole.
   */
  SequenceReverse(data?: NDArray | null, sequence_length?: NDArray | null, params?: { data?: NDArray; sequence_length?: NDArray; use_sequence_length?: boolean; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  SequenceReverse(params: { data?: NDArray; sequence_length?: NDArray; use_sequence_length?: boolean; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Splits an array along axis into num_outputs equal parts.
   */
  SliceChannel(data?: NDArray | null, params?: { data?: NDArray; num_outputs: number; axis?: number; squeeze_axis?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  SliceChannel(params: { data?: NDArray; num_outputs: number; axis?: number; squeeze_axis?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Softmax with a cross-entropy gradient: forward is softmax(data); backward gives (softmax - one_hot(label)) * grad_scale / normalization, ignoring the incoming gradient.
   * (registry name: SoftmaxOutput)
   */
  Softmax(data?: NDArray | null, label?: NDArray | null, params?: { data?: NDArray; label?: NDArray; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  Softmax(params: { data?: NDArray; label?: NDArray; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Softmax over the last axis (mode='instance') or over the channel axis 1 (mode='channel').
   */
  SoftmaxActivation(data?: NDArray | null, params?: { data?: NDArray; mode?: "channel" | "instance"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  SoftmaxActivation(params: { data?: NDArray; mode?: "channel" | "instance"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Softmax with a cross-entropy gradient: forward is softmax(data); backward gives (softmax - one_hot(label)) * grad_scale / normalization, ignoring the incoming gradient.
   */
  SoftmaxOutput(data?: NDArray | null, label?: NDArray | null, params?: { data?: NDArray; label?: NDArray; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  SoftmaxOutput(params: { data?: NDArray; label?: NDArray; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Applies a spatial transformer to a feature map: an affine sampling grid sampled bilinearly. data is (batch, C, H, W), loc (batch, 6) a 2x3 affine matrix per sample (row-major, as a localisation network outputs it; initialise it to the identity [1, 0, 0, 0, 1, 0]). The output (batch, C, target_shape[0], target_shape[1]) equals BilinearSampler(data, GridGenerator(loc, 'affine', target_shape)): pixels outside the input read as 0. The gradient reaches data and loc.
   */
  SpatialTransformer(data?: NDArray | null, loc?: NDArray | null, params?: { data?: NDArray; loc?: NDArray; target_shape?: number[] | number; transform_type: "affine"; sampler_type: "bilinear"; cudnn_off?: boolean | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  SpatialTransformer(params: { data?: NDArray; loc?: NDArray; target_shape?: number[] | number; transform_type: "affine"; sampler_type: "bilinear"; cudnn_off?: boolean | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Interchanges two axes.
   */
  SwapAxis(data?: NDArray | null, params?: { data?: NDArray; dim1?: number; dim2?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  SwapAxis(params: { data?: NDArray; dim1?: number; dim2?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Upsamples the given 4-D inputs (NCHW) by scale along height and width. nearest: every pixel is repeated scale x scale times; several inputs are brought to the size of the first times scale and concatenated along channels (or summed). bilinear: a depthwise Deconvolution with the given weight of shape (channels, 1, 2*scale - scale%2, same), stride scale and pad ceil((scale-1)/2); initialise the weight with the Bilinear initializer.
   */
  UpSampling(...args: Array<NDArray | NDArray[] | { scale: number; num_filter?: number; sample_type: "bilinear" | "nearest"; multi_input_mode?: "concat" | "sum"; num_args?: number; workspace?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray;
  /**
   * Absolute value, elementwise.
   */
  abs(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  abs(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Update function for Adam optimizer. It updates the weights and the moment estimates (in place) using::   g = clip(rescale_grad * gradient + wd * weight)
   */
  adam_update(weight?: NDArray | null, grad?: NDArray | null, mean?: NDArray | null, var_?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; mean?: NDArray; var?: NDArray; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  adam_update(params: { weight?: NDArray; grad?: NDArray; mean?: NDArray; var?: NDArray; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sums all inputs elementwise: add_n(a1, ..., an) = a1 + ... + an, in one pass (every input has the same shape and dtype).
   */
  add_n(...args: Array<NDArray | NDArray[] | { num_args?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray;
  /**
   * Checks whether every element of data is finite (not NaN, not infinite): a float32 array of shape (1,) holding 1 if so, else 0. Used by mixed-precision training to skip steps whose gradients overflowed.
   */
  all_finite(data?: NDArray | null, params?: { data?: NDArray; init_output?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  all_finite(params: { data?: NDArray; init_output?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Inverse cosine, elementwise.
   */
  arccos(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  arccos(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Inverse hyperbolic cosine, elementwise.
   */
  arccosh(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  arccosh(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Inverse sine, elementwise.
   */
  arcsin(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  arcsin(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Inverse hyperbolic sine, elementwise.
   */
  arcsinh(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  arcsinh(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Inverse tangent, elementwise.
   */
  arctan(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  arctan(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Inverse hyperbolic tangent, elementwise.
   */
  arctanh(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  arctanh(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Indices of the maximum values along an axis.
   */
  argmax(data?: NDArray | null, params?: { data?: NDArray; axis?: number | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  argmax(params: { data?: NDArray; axis?: number | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Indices of the maximum values along axis 1 (the channel axis).
   */
  argmax_channel(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  argmax_channel(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Indices of the minimum values along an axis.
   */
  argmin(data?: NDArray | null, params?: { data?: NDArray; axis?: number | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  argmin(params: { data?: NDArray; axis?: number | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Indices that sort the array along axis (flattened when axis is None). Stable.
   */
  argsort(data?: NDArray | null, params?: { data?: NDArray; axis?: number | null; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  argsort(params: { data?: NDArray; axis?: number | null; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Batched matrix product: (B..., M, K) x (B..., K, N) -> (B..., M, N); transpose_a/transpose_b transpose the last two axes of lhs/rhs.
   */
  batch_dot(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; transpose_a?: boolean; transpose_b?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  batch_dot(params: { lhs?: NDArray; rhs?: NDArray; transpose_a?: boolean; transpose_b?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes elements from a data batch: out[i] = a[i, indices[i]], a viewed as (rows, last axis). indices must have as many elements as a has rows; out has indices' shape and a's dtype. Out-of-range indices are clipped to [0, a.shape[-1] - 1]. (Deprecated in MXNet in favour of pick.)
   */
  batch_take(a?: NDArray | null, indices?: NDArray | null, params?: { a?: NDArray; indices?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  batch_take(params: { a?: NDArray; indices?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Adds two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_add(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_add(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Broadcasts the input along the given size-1 axes to the given sizes.
   * (registry name: broadcast_axis)
   */
  broadcast_axes(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number; size?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_axes(params: { data?: NDArray; axis?: number[] | number; size?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Broadcasts the input along the given size-1 axes to the given sizes.
   */
  broadcast_axis(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number; size?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_axis(params: { data?: NDArray; axis?: number[] | number; size?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_div(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_div(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (==, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (>, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_greater(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_greater(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (>=, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_greater_equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_greater_equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes sqrt(a^2 + b^2) of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_hypot(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_hypot(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (<, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_lesser(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_lesser(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (<=, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_lesser_equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_lesser_equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Broadcasts lhs to the shape of rhs (or, with lhs_axes/rhs_axes, only those axes of lhs to the sizes of rhs's axes).
   */
  broadcast_like(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; lhs_axes?: number[] | number | null; rhs_axes?: number[] | number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_like(params: { lhs?: NDArray; rhs?: NDArray; lhs_axes?: number[] | number | null; rhs_axes?: number[] | number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical and (1 or 0 in the input dtype) of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_logical_and(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_logical_and(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical or (1 or 0 in the input dtype) of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_logical_or(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_logical_or(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical xor (1 or 0 in the input dtype) of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_logical_xor(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_logical_xor(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the maximum of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_maximum(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_maximum(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the minimum of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_minimum(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_minimum(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Subtracts two arrays with numpy-style broadcasting, elementwise.
   * (registry name: broadcast_sub)
   */
  broadcast_minus(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_minus(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the modulo (sign of the divisor, like Python) of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_mod(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_mod(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Multiplies two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_mul(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_mul(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (!=, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_not_equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_not_equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Adds two arrays with numpy-style broadcasting, elementwise.
   * (registry name: broadcast_add)
   */
  broadcast_plus(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_plus(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Raises to a power two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_power(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_power(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Subtracts two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_sub(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_sub(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Broadcasts the input to a new shape; size-1 axes are repeated. A 0 in `shape` keeps that axis.
   */
  broadcast_to(data?: NDArray | null, params?: { data?: NDArray; shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  broadcast_to(params: { data?: NDArray; shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Casts every element to the given dtype (floats truncate toward zero when cast to integers).
   * (registry name: Cast)
   */
  cast(data?: NDArray | null, params?: { data?: NDArray; dtype: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  cast(params: { data?: NDArray; dtype: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Cube root, elementwise.
   */
  cbrt(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  cbrt(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Smallest integer >= x, elementwise.
   */
  ceil(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  ceil(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Picks one element per row: output[i] = lhs[i, rhs[i]] for lhs (rows, columns) and rhs (rows,) of 0-based column indices, which must be in [0, columns). The gradient reaches lhs at the picked places.
   */
  choose_element_0index(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  choose_element_0index(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Clips values to [a_min, a_max]: a_min where x < a_min, else a_max where x > a_max, else x.
   */
  clip(data?: NDArray | null, params?: { data?: NDArray; a_min: number; a_max: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  clip(params: { data?: NDArray; a_min: number; a_max: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sums columns of sliding blocks back into an image (the adjoint of im2col, not its inverse). data (N, C * prod(kernel), L) gives (N, C, *output_size): every column entry is added to the image element im2col would have read it from (entries that fall on padding are dropped). The gradient is im2col.
   */
  col2im(data?: NDArray | null, params?: { data?: NDArray; output_size: number[] | number; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  col2im(params: { data?: NDArray; output_size: number[] | number; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Joins arrays along dim; all other dimensions must match.
   * (registry name: Concat)
   */
  concat(...args: Array<NDArray | NDArray[] | { num_args?: number; dim?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray;
  /**
   * Cosine (radians), elementwise.
   */
  cos(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  cos(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Hyperbolic cosine, elementwise.
   */
  cosh(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  cosh(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Slices with begin/end/step per leading axis (numpy semantics; None entries mean the default: whole axis, step 1).
   * (registry name: slice)
   */
  crop(data?: NDArray | null, params?: { data?: NDArray; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  crop(params: { data?: NDArray; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   * (registry name: CTCLoss)
   */
  ctc_loss(data?: NDArray | null, label?: NDArray | null, data_lengths?: NDArray | null, label_lengths?: NDArray | null, params?: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  ctc_loss(params: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Return the cumulative sum of the elements along a given axis. With axis None the sum runs over the flattened array and the output is 1-D. The output dtype is dtype when given, else the input's (int64 for bool); values are converted to it before they are summed.
   * (registry name: _np_cumsum)
   */
  cumsum(a?: NDArray | null, params?: { a?: NDArray; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  cumsum(params: { a?: NDArray; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Converts radians to degrees, elementwise.
   */
  degrees(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  degrees(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Moves blocks of channels into space: (N, C, H, W) -> (N, C/b^2, H*b, W*b).
   */
  depth_to_space(data?: NDArray | null, params?: { data?: NDArray; block_size: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  depth_to_space(params: { data?: NDArray; block_size: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Extracts a diagonal or constructs a diagonal array. For a 1-D input, returns the 2-D square array with the input on the k-th diagonal. For an input of two or more dimensions, returns the k-th diagonal of the planes spanned by axis1 and axis2: the other axes in order, followed by the diagonal (as numpy.diagonal).
   */
  diag(data?: NDArray | null, params?: { data?: NDArray; k?: number; axis1?: number; axis2?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  diag(params: { data?: NDArray; k?: number; axis1?: number; axis2?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Dot product. 2-D: matrix product. N-D: lhs is flattened to 2-D over all but its last axis and rhs over all but its first; the result has shape lhs.shape[:-1] + rhs.shape[1:]. 1-D x 1-D gives shape (1,). transpose_a/transpose_b transpose the 2-D views first.
   */
  dot(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; transpose_a?: boolean; transpose_b?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  dot(params: { lhs?: NDArray; rhs?: NDArray; transpose_a?: boolean; transpose_b?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Adds two arrays of the same shape, elementwise.
   */
  elemwise_add(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  elemwise_add(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) two arrays of the same shape, elementwise.
   */
  elemwise_div(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  elemwise_div(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Multiplies two arrays of the same shape, elementwise.
   */
  elemwise_mul(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  elemwise_mul(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Subtracts two arrays of the same shape, elementwise.
   */
  elemwise_sub(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  elemwise_sub(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gauss error function, elementwise.
   */
  erf(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  erf(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Returns element-wise inverse gauss error function of the input: erf(erfinv(x)) = x, +-inf at +-1, NaN outside [-1, 1].
   */
  erfinv(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  erfinv(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Exponential e^x, elementwise.
   */
  exp(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  exp(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Inserts a new axis of size 1 at position axis.
   */
  expand_dims(data?: NDArray | null, params?: { data?: NDArray; axis: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  expand_dims(params: { data?: NDArray; axis: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * exp(x) - 1, elementwise, accurate for small x.
   */
  expm1(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  expm1(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sets one element per row: output = lhs with output[i, rhs[i]] = mhs[i], for lhs (rows, columns), mhs (rows,) and rhs (rows,) of 0-based column indices in [0, columns). The gradient reaches lhs (zero at the filled places) and mhs.
   */
  fill_element_0index(lhs?: NDArray | null, mhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; mhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  fill_element_0index(params: { lhs?: NDArray; mhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Rounds toward zero, elementwise.
   */
  fix(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  fix(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Flattens to 2-D: (d0, d1*...*dn-1).
   * (registry name: Flatten)
   */
  flatten(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  flatten(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Reverses the order of elements along the given axes.
   * (registry name: reverse)
   */
  flip(data?: NDArray | null, params?: { data?: NDArray; axis: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  flip(params: { data?: NDArray; axis: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Largest integer <= x, elementwise.
   */
  floor(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  floor(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The FTML optimizer (Zheng & Kwok, Follow the Moving Leader in Deep Learning, 2017). It updates the weights and the states d, v, z (in place) using::   g = clip(rescale_grad * gradient + wd * weight)
   */
  ftml_update(weight?: NDArray | null, grad?: NDArray | null, d?: NDArray | null, v?: NDArray | null, z?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; d?: NDArray; v?: NDArray; z?: NDArray; lr: number; beta1?: number; beta2?: number; epsilon?: number; t: number; wd?: number; rescale_grad?: number; clip_grad?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  ftml_update(params: { weight?: NDArray; grad?: NDArray; d?: NDArray; v?: NDArray; z?: NDArray; lr: number; beta1?: number; beta2?: number; epsilon?: number; t: number; wd?: number; rescale_grad?: number; clip_grad?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Update function for Ftrl optimizer (McMahan et al., Ad Click Prediction: a View from the Trenches). It updates the weights and the states z, n (in place) using::   g = clip(rescale_grad * gradient)
   */
  ftrl_update(weight?: NDArray | null, grad?: NDArray | null, z?: NDArray | null, n?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; z?: NDArray; n?: NDArray; lr: number; lamda1?: number; beta?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  ftrl_update(params: { weight?: NDArray; grad?: NDArray; z?: NDArray; n?: NDArray; lr: number; lamda1?: number; beta?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gamma function, elementwise.
   */
  gamma(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  gamma(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * log|Gamma(x)|, elementwise.
   */
  gammaln(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  gammaln(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gathers blocks addressed by the first axis of indices: indices of shape (M, Y...) give a result of shape Y + data.shape[M:], out[y] = data[indices[:, y]]. Negative indices count from the end; out-of-range ones are an error.
   */
  gather_nd(data?: NDArray | null, indices?: NDArray | null, params?: { data?: NDArray; indices?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  gather_nd(params: { data?: NDArray; indices?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes hard sigmoid of x element-wise: y = max(0, min(1, alpha * x + beta)).
   */
  hard_sigmoid(data?: NDArray | null, params?: { data?: NDArray; alpha?: number; beta?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  hard_sigmoid(params: { data?: NDArray; alpha?: number; beta?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Returns a copy of the input.
   * (registry name: _copy)
   */
  identity(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  identity(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Extracts sliding blocks of an image into columns, as a convolution sees them. data (N, C, *spatial) with 1, 2 or 3 spatial dims gives (N, C * prod(kernel), L): row c * prod(kernel) + k holds kernel point k of channel c, column l the block at output position l (row-major), L the spatial size of a convolution's output with the same kernel, stride, dilate and pad. Padding reads as 0. The gradient is col2im.
   */
  im2col(data?: NDArray | null, params?: { data?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  im2col(params: { data?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes the Khatri-Rao product of the input matrices: the column-wise Kronecker product. The inputs have shapes (n_1, c), ..., (n_K, c); the output has shape (n_1 * ... * n_K, c), column j the Kronecker product of the inputs' columns j (the first input's row index varies slowest). float32 and float64. Not differentiable, as in MXNet.
   */
  khatri_rao(...args: Array<NDArray | NDArray[] | { num_args?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray;
  /**
   * Phase I of the LAMB update (You et al., Large Batch Optimization for Deep Learning, 2019): updates the moment estimates (in place) and returns the update direction g::   grad = clip(rescale_grad * grad)   mean = beta1 * mean + (1 - beta1) * grad
   */
  lamb_update_phase1(weight?: NDArray | null, grad?: NDArray | null, mean?: NDArray | null, var_?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; mean?: NDArray; var?: NDArray; beta1?: number; beta2?: number; epsilon?: number; t: number; bias_correction?: boolean; wd: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  lamb_update_phase1(params: { weight?: NDArray; grad?: NDArray; mean?: NDArray; var?: NDArray; beta1?: number; beta2?: number; epsilon?: number; t: number; bias_correction?: boolean; wd: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Phase II of the LAMB update: scales the learning rate by the trust ratio r1 / r2 (r1 the weight's norm, bounded to [lower_bound, upper_bound]; r2 the norm of g from phase I; the ratio is left out when either is 0) and updates the weight::   weight = weight - lr * r1 / r2 * g
   */
  lamb_update_phase2(weight?: NDArray | null, g?: NDArray | null, r1?: NDArray | null, r2?: NDArray | null, params?: { weight?: NDArray; g?: NDArray; r1?: NDArray; r2?: NDArray; lr: number; lower_bound?: number; upper_bound?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  lamb_update_phase2(params: { weight?: NDArray; g?: NDArray; r1?: NDArray; r2?: NDArray; lr: number; lower_bound?: number; upper_bound?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes the determinant of a matrix: out = det(A). A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. Computed from an LU factorization with partial pivoting; a singular matrix gives 0 (and a zero gradient). float32 and float64.
   * (registry name: _linalg_det)
   */
  linalg_det(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_det(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Extracts the diagonal entries of a square matrix. A has shape (..., n, n); out has shape (..., n - |offset|): the diagonal at `offset` (above the main one when positive, below it when negative). float32 and float64.
   * (registry name: _linalg_extractdiag)
   */
  linalg_extractdiag(A?: NDArray | null, params?: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_extractdiag(params: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Extracts a triangular sub-matrix from a square matrix, packed into a vector. A has shape (..., n, n); out has shape (..., m (m + 1) / 2) with m = n - |offset|. offset < 0 takes the triangle below the diagonal at `offset`, offset > 0 the one above it, offset = 0 the lower (lower=True) or upper triangle with the diagonal. A lower triangle is packed row by row, an upper one column by column. float32 and float64.
   * (registry name: _linalg_extracttrian)
   */
  linalg_extracttrian(A?: NDArray | null, params?: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_extracttrian(params: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * LQ factorization for general matrix: A = L * Q, outputs (Q, L). A has shape (..., m, n) with m <= n; Q has shape (..., m, n) with orthonormal rows, L shape (..., m, m), lower triangular. Householder reflections with LAPACK's sign conventions (L's diagonal may be negative). float32 and float64.
   * (registry name: _linalg_gelqf)
   */
  linalg_gelqf(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  linalg_gelqf(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Performs general matrix multiplication and accumulation: out = alpha * op(A) * op(B) + beta * C, op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A, B and C. float32 and float64.
   * (registry name: _linalg_gemm)
   */
  linalg_gemm(A?: NDArray | null, B?: NDArray | null, C?: NDArray | null, params?: { A?: NDArray; B?: NDArray; C?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_gemm(params: { A?: NDArray; B?: NDArray; C?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs general matrix multiplication: out = alpha * op(A) * op(B), op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A and B. float32 and float64.
   * (registry name: _linalg_gemm2)
   */
  linalg_gemm2(A?: NDArray | null, B?: NDArray | null, params?: { A?: NDArray; B?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_gemm2(params: { A?: NDArray; B?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes the inverse of a matrix: out = A^-1. A has shape (..., n, n): the matrices are on the last two axes and every leading axis is a batch axis. A singular matrix is an error. float32 and float64.
   * (registry name: _linalg_inverse)
   */
  linalg_inverse(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_inverse(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Constructs a square matrix with the input as diagonal. A has shape (..., k); out has shape (..., n, n) with n = k + |offset|, zero except the diagonal at `offset`, which holds A. float32 and float64.
   * (registry name: _linalg_makediag)
   */
  linalg_makediag(A?: NDArray | null, params?: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_makediag(params: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Constructs a square matrix from a packed triangle (the inverse of _linalg_extracttrian). A has shape (..., k) with k = m (m + 1) / 2; out has shape (..., n, n) with n = m + |offset|, zero outside the triangle that offset and lower name (see _linalg_extracttrian). float32 and float64.
   * (registry name: _linalg_maketrian)
   */
  linalg_maketrian(A?: NDArray | null, params?: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_maketrian(params: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs Cholesky factorization of a symmetric positive-definite matrix: out = L, the lower triangular matrix with A = L * L^T. Only the lower triangle of A is read; the upper triangle of out is zero. A has shape (..., n, n). A matrix that is not positive definite is an error. The gradient is symmetric (A is taken as symmetric). float32 and float64.
   * (registry name: _linalg_potrf)
   */
  linalg_potrf(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_potrf(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs matrix inversion from a Cholesky factorization: out = (A * A^T)^-1 for A the lower triangular factor that _linalg_potrf returns. Only the lower triangle of A is read. A has shape (..., n, n). A zero on A's diagonal is an error. float32 and float64.
   * (registry name: _linalg_potri)
   */
  linalg_potri(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_potri(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes the sign and the natural logarithm of the absolute value of the determinant of a matrix: (sign, logabsdet) with det(A) = sign * exp(logabsdet). A has shape (..., n, n); both outputs have the batch shape (...), or (1,) for a single matrix. A singular matrix gives sign 0 and logabsdet -inf. Only logabsdet has a gradient (A^-T). float32 and float64.
   * (registry name: _linalg_slogdet)
   */
  linalg_slogdet(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  linalg_slogdet(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Computes the sum of the logarithms of the diagonal elements of a square matrix. A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. A negative diagonal element gives nan. float32 and float64.
   * (registry name: _linalg_sumlogdiag)
   */
  linalg_sumlogdiag(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_sumlogdiag(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Multiplication of a matrix with its transpose: out = alpha * A * A^T, or alpha * A^T * A with transpose=True. A has shape (..., m, n); out has shape (..., m, m), or (..., n, n) with transpose=True. float32 and float64.
   * (registry name: _linalg_syrk)
   */
  linalg_syrk(A?: NDArray | null, params?: { A?: NDArray; transpose?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_syrk(params: { A?: NDArray; transpose?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs multiplication with a triangular matrix: out = alpha * op(A) * B, or alpha * B * op(A) with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. float32 and float64.
   * (registry name: _linalg_trmm)
   */
  linalg_trmm(A?: NDArray | null, B?: NDArray | null, params?: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_trmm(params: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Solves a matrix equation with a triangular matrix: out = alpha * op(A)^-1 * B, or alpha * B * op(A)^-1 with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. A zero on A's diagonal gives inf/nan, as LAPACK's trsm. float32 and float64.
   * (registry name: _linalg_trsm)
   */
  linalg_trsm(A?: NDArray | null, B?: NDArray | null, params?: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  linalg_trsm(params: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Natural logarithm, elementwise.
   */
  log(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  log(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Base-10 logarithm, elementwise.
   */
  log10(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  log10(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * log(1 + x), elementwise, accurate for small x.
   */
  log1p(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  log1p(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Base-2 logarithm, elementwise.
   */
  log2(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  log2(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Log of the softmax along an axis, computed stably.
   */
  log_softmax(data?: NDArray | null, params?: { data?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  log_softmax(params: { data?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical not: 1 where x == 0 else 0, in the input dtype.
   */
  logical_not(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  logical_not(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Make your own loss function in network construction. The forward pass returns data unchanged; the backward pass ignores the incoming gradient and sends back ones in data's shape. See MakeLoss for scaling and normalization options.
   */
  make_loss(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  make_loss(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Maximum of array elements over the given axes (NaN propagates).
   */
  max(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  max(params: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Maximum of array elements over the given axes (NaN propagates).
   * (registry name: max)
   */
  max_axis(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  max_axis(params: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Mean of array elements over the given axes (integers divide with truncation).
   */
  mean(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  mean(params: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Minimum of array elements over the given axes (NaN propagates).
   */
  min(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  min(params: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Minimum of array elements over the given axes (NaN propagates).
   * (registry name: min)
   */
  min_axis(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  min_axis(params: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Calculate the mean and variance of data along axes. Outputs mean and the population variance mean((data - mean)^2); with keepdims the reduced axes stay as size 1. axes must name at least one axis.
   */
  moments(data?: NDArray | null, params?: { data?: NDArray; axes?: number[] | number | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  moments(params: { data?: NDArray; axes?: number[] | number | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Phase I of the multi-precision LAMB update: as lamb_update_phase1 with float32 moments, the float32 master copy weight32 for the weight decay term, and a float32 result g.
   */
  mp_lamb_update_phase1(weight?: NDArray | null, grad?: NDArray | null, mean?: NDArray | null, var_?: NDArray | null, weight32?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; mean?: NDArray; var?: NDArray; weight32?: NDArray; beta1?: number; beta2?: number; epsilon?: number; t: number; bias_correction?: boolean; wd: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  mp_lamb_update_phase1(params: { weight?: NDArray; grad?: NDArray; mean?: NDArray; var?: NDArray; weight32?: NDArray; beta1?: number; beta2?: number; epsilon?: number; t: number; bias_correction?: boolean; wd: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Phase II of the multi-precision LAMB update: as lamb_update_phase2 on the float32 master copy weight32 (updated in place); the output is weight32 cast to the weight's dtype.
   */
  mp_lamb_update_phase2(weight?: NDArray | null, g?: NDArray | null, r1?: NDArray | null, r2?: NDArray | null, weight32?: NDArray | null, params?: { weight?: NDArray; g?: NDArray; r1?: NDArray; r2?: NDArray; weight32?: NDArray; lr: number; lower_bound?: number; upper_bound?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  mp_lamb_update_phase2(params: { weight?: NDArray; g?: NDArray; r1?: NDArray; r2?: NDArray; weight32?: NDArray; lr: number; lower_bound?: number; upper_bound?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Update function for multi-precision Nesterov Accelerated Gradient (NAG) optimizer. As nag_mom_update, applied to the float32 master copy weight32 with a float32 momentum (both updated in place); the output is weight32 cast to the weight's dtype.
   */
  mp_nag_mom_update(weight?: NDArray | null, grad?: NDArray | null, mom?: NDArray | null, weight32?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; mom?: NDArray; weight32?: NDArray; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  mp_nag_mom_update(params: { weight?: NDArray; grad?: NDArray; mom?: NDArray; weight32?: NDArray; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Updater function for multi-precision sgd optimizer with momentum. As sgd_mom_update, applied to the float32 master copy weight32 with a float32 momentum (both updated in place); the output is weight32 cast to the weight's dtype.
   */
  mp_sgd_mom_update(weight?: NDArray | null, grad?: NDArray | null, mom?: NDArray | null, weight32?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; mom?: NDArray; weight32?: NDArray; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  mp_sgd_mom_update(params: { weight?: NDArray; grad?: NDArray; mom?: NDArray; weight32?: NDArray; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Updater function for multi-precision sgd optimizer. As sgd_update, applied to the float32 master copy weight32 (updated in place); the output is weight32 cast to the weight's dtype.
   */
  mp_sgd_update(weight?: NDArray | null, grad?: NDArray | null, weight32?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; weight32?: NDArray; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  mp_sgd_update(params: { weight?: NDArray; grad?: NDArray; weight32?: NDArray; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Checks whether every element of num_arrays arrays is finite: a float32 array of shape (1,) holding 1 if so, else 0.
   */
  multi_all_finite(...args: Array<NDArray | NDArray[] | { num_arrays?: number; init_output?: boolean; out?: NDArray | NDArray[]; name?: string }>): NDArray;
  /**
   * Computes the LARS learning rates of several weights from their and their gradients' sums of squares (You et al., Large Batch Training of Convolutional Networks)::   w = sqrt(weights_sum_sq), g = sqrt(grads_sum_sq) * rescale_grad   out = lrs * eta * w / (g + wds * w + eps)   where w > 0 and g > 0
   */
  multi_lars(lrs?: NDArray | null, weights_sum_sq?: NDArray | null, grads_sum_sq?: NDArray | null, wds?: NDArray | null, params?: { lrs?: NDArray; weights_sum_sq?: NDArray; grads_sum_sq?: NDArray; wds?: NDArray; eta: number; eps: number; rescale_grad?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  multi_lars(params: { lrs?: NDArray; weights_sum_sq?: NDArray; grads_sum_sq?: NDArray; wds?: NDArray; eta: number; eps: number; rescale_grad?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Updates num_weights weights and their momenta in one call, each exactly as sgd_mom_update with its own learning rate and weight decay::   mom_i = momentum * mom_i - lr_i * wd_i * weight_i - lr_i * clip(rescale_grad * grad_i)   weight_i = weight_i + mom_i
   */
  multi_mp_sgd_mom_update(...args: Array<NDArray | NDArray[] | { lrs?: string; wds?: string; momentum?: number; rescale_grad?: number; clip_gradient?: number; num_weights?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Updates num_weights weights in one call, each exactly as sgd_update with its own learning rate and weight decay::   weight_i = (1 - lr_i * wd_i) * weight_i - lr_i * clip(rescale_grad * grad_i) Multi-precision: the update runs on the float32 master copies weight32_i (with float32 momenta), and output i is weight32_i cast to the weight's dtype. Inputs: weight_0, grad_0, weight32_0, weight_1, ... for each of num_weights weights. Output i is the new weight_i: pass out=[weight_0, weight_1, ...] to update in place; the states are always updated in place.
   */
  multi_mp_sgd_update(...args: Array<NDArray | NDArray[] | { lrs?: string; wds?: string; rescale_grad?: number; clip_gradient?: number; num_weights?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Updates num_weights weights and their momenta in one call, each exactly as sgd_mom_update with its own learning rate and weight decay::   mom_i = momentum * mom_i - lr_i * wd_i * weight_i - lr_i * clip(rescale_grad * grad_i)   weight_i = weight_i + mom_i
   */
  multi_sgd_mom_update(...args: Array<NDArray | NDArray[] | { lrs?: string; wds?: string; momentum?: number; rescale_grad?: number; clip_gradient?: number; num_weights?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Updates num_weights weights in one call, each exactly as sgd_update with its own learning rate and weight decay::   weight_i = (1 - lr_i * wd_i) * weight_i - lr_i * clip(rescale_grad * grad_i) Inputs: weight_0, grad_0, weight_1, ... for each of num_weights weights. Output i is the new weight_i: pass out=[weight_0, weight_1, ...] to update in place; the states are always updated in place.
   */
  multi_sgd_update(...args: Array<NDArray | NDArray[] | { lrs?: string; wds?: string; rescale_grad?: number; clip_gradient?: number; num_weights?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Computes the sum of squares of each of num_arrays arrays: a float32 array of num_arrays values (accumulated in double). Used for gradient norms, e.g. by LARS and LAMB.
   */
  multi_sum_sq(...args: Array<NDArray | NDArray[] | { num_arrays?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray;
  /**
   * Update function for Nesterov Accelerated Gradient (NAG) optimizer. It updates the weights and the momentum (in place) using::   g = clip(rescale_grad * gradient) + wd * weight
   */
  nag_mom_update(weight?: NDArray | null, grad?: NDArray | null, mom?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; mom?: NDArray; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  nag_mom_update(params: { weight?: NDArray; grad?: NDArray; mom?: NDArray; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Product over the given axes, treating NaN as one.
   */
  nanprod(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  nanprod(params: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sum over the given axes, treating NaN as zero.
   */
  nansum(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  nansum(params: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Numerical negative, elementwise.
   */
  negative(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  negative(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The L1 or L2 norm of the elements over the given axes (all by default).
   */
  norm(data?: NDArray | null, params?: { data?: NDArray; ord?: number; axis?: number[] | number | null; out_dtype?: "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  norm(params: { data?: NDArray; ord?: number; axis?: number[] | number | null; out_dtype?: "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the normal distribution N(loc, scale^2).
   * (registry name: _random_normal)
   */
  normal(params?: { loc?: number; scale?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * One-hot encoding: out[..., j] = on_value where j == indices[...], else off_value. Indices outside [0, depth) give a row of off_value.
   */
  one_hot(indices?: NDArray | null, params?: { indices?: NDArray; depth: number; on_value?: number; off_value?: number; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  one_hot(params: { indices?: NDArray; depth: number; on_value?: number; off_value?: number; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * An array of ones with the shape and dtype of the input.
   */
  ones_like(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  ones_like(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Pads every axis: pad_width = (before0, after0, before1, after1, ...). mode 'constant' fills constant_value, 'edge' repeats the edge value, 'reflect' mirrors without repeating the edge. (MXNet accepts only 4-D/5-D input; any rank works here.)
   * (registry name: Pad)
   */
  pad(data?: NDArray | null, params?: { data?: NDArray; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  pad(params: { data?: NDArray; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Picks one element per position along axis: out[i] = data[i with axis -> index[i]]. index has data's shape without axis (or with it as 1).
   */
  pick(data?: NDArray | null, index?: NDArray | null, params?: { data?: NDArray; index?: NDArray; axis?: number | null; keepdims?: boolean; mode?: "clip" | "wrap"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  pick(params: { data?: NDArray; index?: NDArray; axis?: number | null; keepdims?: boolean; mode?: "clip" | "wrap"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Updates num_weights weights and their momenta in one call, each exactly as sgd_mom_update with its own learning rate and weight decay::   mom_i = momentum * mom_i - lr_i * wd_i * weight_i - lr_i * clip(rescale_grad * grad_i)   weight_i = weight_i + mom_i
   */
  preloaded_multi_mp_sgd_mom_update(...args: Array<NDArray | NDArray[] | { momentum?: number; rescale_grad?: number; clip_gradient?: number; num_weights?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Updates num_weights weights in one call, each exactly as sgd_update with its own learning rate and weight decay::   weight_i = (1 - lr_i * wd_i) * weight_i - lr_i * clip(rescale_grad * grad_i) lrs and wds are float32 arrays of num_weights learning rates and weight decays. Multi-precision: the update runs on the float32 master copies weight32_i (with float32 momenta), and output i is weight32_i cast to the weight's dtype. Inputs: weight_0, grad_0, weight32_0, weight_1, ... for each of num_weights weights, then lrs, then wds. Output i is the new weight_i: pass out=[weight_0, weight_1, ...] to update in place; the states are always updated in place.
   */
  preloaded_multi_mp_sgd_update(...args: Array<NDArray | NDArray[] | { rescale_grad?: number; clip_gradient?: number; num_weights?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Updates num_weights weights and their momenta in one call, each exactly as sgd_mom_update with its own learning rate and weight decay::   mom_i = momentum * mom_i - lr_i * wd_i * weight_i - lr_i * clip(rescale_grad * grad_i)   weight_i = weight_i + mom_i
   */
  preloaded_multi_sgd_mom_update(...args: Array<NDArray | NDArray[] | { momentum?: number; rescale_grad?: number; clip_gradient?: number; num_weights?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Updates num_weights weights in one call, each exactly as sgd_update with its own learning rate and weight decay::   weight_i = (1 - lr_i * wd_i) * weight_i - lr_i * clip(rescale_grad * grad_i) lrs and wds are float32 arrays of num_weights learning rates and weight decays. Inputs: weight_0, grad_0, weight_1, ... for each of num_weights weights, then lrs, then wds. Output i is the new weight_i: pass out=[weight_0, weight_1, ...] to update in place; the states are always updated in place.
   */
  preloaded_multi_sgd_update(...args: Array<NDArray | NDArray[] | { rescale_grad?: number; clip_gradient?: number; num_weights?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Product of array elements over the given axes.
   */
  prod(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  prod(params: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Converts degrees to radians, elementwise.
   */
  radians(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  radians(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam).
   * (registry name: _random_exponential)
   */
  random_exponential(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_exponential_like)
   */
  random_exponential_like(data?: NDArray | null, params?: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_exponential_like(params: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta.
   * (registry name: _random_gamma)
   */
  random_gamma(params?: { alpha?: number; beta?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_gamma_like)
   */
  random_gamma_like(data?: NDArray | null, params?: { data?: NDArray; alpha?: number; beta?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_gamma_like(params: { data?: NDArray; alpha?: number; beta?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2; alpha 0 is Poisson(mu)).
   * (registry name: _random_generalized_negative_binomial)
   */
  random_generalized_negative_binomial(params?: { mu?: number; alpha?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_generalized_negative_binomial_like)
   */
  random_generalized_negative_binomial_like(data?: NDArray | null, params?: { data?: NDArray; mu?: number; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_generalized_negative_binomial_like(params: { data?: NDArray; mu?: number; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the negative binomial distribution, as floats: the number of failures before k successes, each of probability p (mean k(1-p)/p).
   * (registry name: _random_negative_binomial)
   */
  random_negative_binomial(params?: { k?: number; p?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the negative binomial distribution, as floats: the failures before k successes of probability p, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_negative_binomial_like)
   */
  random_negative_binomial_like(data?: NDArray | null, params?: { data?: NDArray; k?: number; p?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_negative_binomial_like(params: { data?: NDArray; k?: number; p?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the normal distribution N(loc, scale^2).
   * (registry name: _random_normal)
   */
  random_normal(params?: { loc?: number; scale?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the normal distribution N(loc, scale^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_normal_like)
   */
  random_normal_like(data?: NDArray | null, params?: { data?: NDArray; loc?: number; scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_normal_like(params: { data?: NDArray; loc?: number; scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under Dirichlet distributions: alpha (P..., k) holds one distribution's concentrations (> 0) per row of its last axis, sample has shape P + (draws...) + (k,), and the output P + (draws...) holds the density of each k-vector (not projected onto the simplex; a negative component gives 0). With is_log, the log-density. The gradient reaches sample and alpha.
   * (registry name: _random_pdf_dirichlet)
   */
  random_pdf_dirichlet(sample?: NDArray | null, alpha?: NDArray | null, params?: { sample?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_pdf_dirichlet(params: { sample?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under exponential distributions with rates lam (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_exponential)
   */
  random_pdf_exponential(sample?: NDArray | null, lam?: NDArray | null, params?: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_pdf_exponential(params: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under gamma distributions with shapes alpha (> 0) and rates beta (> 0): beta^alpha x^(alpha-1) e^(-beta x) / Gamma(alpha), the values MXNet 1.9 computes, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_gamma)
   */
  random_pdf_gamma(sample?: NDArray | null, alpha?: NDArray | null, beta?: NDArray | null, params?: { sample?: NDArray; alpha?: NDArray; beta?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_pdf_gamma(params: { sample?: NDArray; alpha?: NDArray; beta?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under generalized negative binomial distributions with means mu (>= 0) and dispersions alpha (>= 0; 0 is Poisson(mu)), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_generalized_negative_binomial)
   */
  random_pdf_generalized_negative_binomial(sample?: NDArray | null, mu?: NDArray | null, alpha?: NDArray | null, params?: { sample?: NDArray; mu?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_pdf_generalized_negative_binomial(params: { sample?: NDArray; mu?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under negative binomial distributions: the number of failures x before k (> 0) successes of probability p (in (0, 1]), C(x+k-1, x) p^k (1-p)^x, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_negative_binomial)
   */
  random_pdf_negative_binomial(sample?: NDArray | null, k?: NDArray | null, p?: NDArray | null, params?: { sample?: NDArray; k?: NDArray; p?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_pdf_negative_binomial(params: { sample?: NDArray; k?: NDArray; p?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under normal distributions with means mu and standard deviations sigma (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_normal)
   */
  random_pdf_normal(sample?: NDArray | null, mu?: NDArray | null, sigma?: NDArray | null, params?: { sample?: NDArray; mu?: NDArray; sigma?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_pdf_normal(params: { sample?: NDArray; mu?: NDArray; sigma?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under Poisson distributions with means lam (>= 0; samples need not be whole: Gamma-function form), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_poisson)
   */
  random_pdf_poisson(sample?: NDArray | null, lam?: NDArray | null, params?: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_pdf_poisson(params: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under uniform distributions on [low, high] (low < high), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_uniform)
   */
  random_pdf_uniform(sample?: NDArray | null, low?: NDArray | null, high?: NDArray | null, params?: { sample?: NDArray; low?: NDArray; high?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_pdf_uniform(params: { sample?: NDArray; low?: NDArray; high?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the Poisson distribution with mean lam (as floats).
   * (registry name: _random_poisson)
   */
  random_poisson(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the Poisson distribution with mean lam (as floats), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_poisson_like)
   */
  random_poisson_like(data?: NDArray | null, params?: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_poisson_like(params: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples integers uniformly from [low, high).
   * (registry name: _random_randint)
   */
  random_randint(params?: { low: number; high: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "int32" | "int64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the uniform distribution on [low, high).
   * (registry name: _random_uniform)
   */
  random_uniform(params?: { low?: number; high?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the uniform distribution on [low, high), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_uniform_like)
   */
  random_uniform_like(data?: NDArray | null, params?: { data?: NDArray; low?: number; high?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  random_uniform_like(params: { data?: NDArray; low?: number; high?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Converts a batch of index arrays into an array of flat indices. data is (len(shape), N): column i holds one multi-index; the output (N,) holds sum_k data[k, i] * prod(shape[k+1:]). The output has data's dtype; indices are not range-checked (as MXNet).
   * (registry name: _ravel_multi_index)
   */
  ravel_multi_index(data?: NDArray | null, params?: { data?: NDArray; shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  ravel_multi_index(params: { data?: NDArray; shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Returns element-wise inverse cube-root value of the input: rcbrt(x) = 1 / cbrt(x).
   */
  rcbrt(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  rcbrt(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Reciprocal 1/x, elementwise.
   */
  reciprocal(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  reciprocal(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Rectified linear unit max(x, 0), elementwise.
   */
  relu(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  relu(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Repeats each element `repeats` times along axis (the flattened array if axis is None).
   */
  repeat(data?: NDArray | null, params?: { data?: NDArray; repeats: number; axis?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  repeat(params: { data?: NDArray; repeats: number; axis?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sets each of num_arrays arrays to zero, in place (e.g. gradients between steps). Returns nothing.
   */
  reset_arrays(...args: Array<NDArray | NDArray[] | { num_arrays?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Reshapes the input without copying semantics changes. shape may use the codes 0 (copy this dim), -1 (infer), -2 (copy the remaining dims), -3 (merge two dims), -4 (split a dim into the two values that follow, one may be -1).
   * (registry name: Reshape)
   */
  reshape(data?: NDArray | null, params?: { data?: NDArray; shape?: number[] | number; reverse?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  reshape(params: { data?: NDArray; shape?: number[] | number; reverse?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Reshapes lhs to the shape of rhs; with lhs_begin/lhs_end/rhs_begin/rhs_end, only lhs dims [lhs_begin, lhs_end) are replaced by rhs dims [rhs_begin, rhs_end).
   */
  reshape_like(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; lhs_begin?: number | null; lhs_end?: number | null; rhs_begin?: number | null; rhs_end?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  reshape_like(params: { lhs?: NDArray; rhs?: NDArray; lhs_begin?: number | null; lhs_end?: number | null; rhs_begin?: number | null; rhs_end?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Reverses the order of elements along the given axes.
   */
  reverse(data?: NDArray | null, params?: { data?: NDArray; axis: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  reverse(params: { data?: NDArray; axis: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Nearest integer, halves to even, elementwise.
   */
  rint(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  rint(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Update function for RMSProp optimizer (Tieleman & Hinton, 2012). It updates the weights and the mean square n (in place) using::   g = clip(rescale_grad * gradient + wd * weight)
   */
  rmsprop_update(weight?: NDArray | null, grad?: NDArray | null, n?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; n?: NDArray; lr: number; gamma1?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; clip_weights?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  rmsprop_update(params: { weight?: NDArray; grad?: NDArray; n?: NDArray; lr: number; gamma1?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; clip_weights?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Update function for RMSPropAlex optimizer: the centered RMSProp of Graves (2013). It updates the weights and the states n, g, delta (in place) using::   grad = clip(rescale_grad * gradient + wd * weight)
   */
  rmspropalex_update(weight?: NDArray | null, grad?: NDArray | null, n?: NDArray | null, g?: NDArray | null, delta?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; n?: NDArray; g?: NDArray; delta?: NDArray; lr: number; gamma1?: number; gamma2?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; clip_weights?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  rmspropalex_update(params: { weight?: NDArray; grad?: NDArray; n?: NDArray; g?: NDArray; delta?: NDArray; lr: number; gamma1?: number; gamma2?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; clip_weights?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Nearest integer, halves away from zero, elementwise.
   */
  round(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  round(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Inverse square root 1/sqrt(x), elementwise.
   */
  rsqrt(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  rsqrt(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from exponential distributions with rates lam (means 1/lam), one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_exponential)
   */
  sample_exponential(lam?: NDArray | null, params?: { lam?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sample_exponential(params: { lam?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from gamma distributions with shapes alpha (>= 0; 0 gives 0) and scales beta, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_gamma)
   */
  sample_gamma(alpha?: NDArray | null, beta?: NDArray | null, params?: { alpha?: NDArray; beta?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sample_gamma(params: { alpha?: NDArray; beta?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from generalized negative binomial distributions, as floats, with means mu and dispersions alpha (>= 0; 0 is Poisson): variance mu + alpha mu^2, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_generalized_negative_binomial)
   */
  sample_generalized_negative_binomial(mu?: NDArray | null, alpha?: NDArray | null, params?: { mu?: NDArray; alpha?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sample_generalized_negative_binomial(params: { mu?: NDArray; alpha?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws outcome indices from multinomial (categorical) distributions: data (..., k) holds one distribution over k outcomes per row of its last axis, and must sum to 1 along it. The draws have shape data.shape[:-1] + shape (one draw per row when shape is ()). With get_prob, a second output holds the log-probability of each draw (data's dtype), whose gradient reaches data.
   * (registry name: _sample_multinomial)
   */
  sample_multinomial(data?: NDArray | null, params?: { data?: NDArray; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  sample_multinomial(params: { data?: NDArray; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Draws from negative binomial distributions, as floats: the number of failures before k (>= 0, need not be whole) successes of probability p (in (0, 1]); mean k(1-p)/p, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_negative_binomial)
   */
  sample_negative_binomial(k?: NDArray | null, p?: NDArray | null, params?: { k?: NDArray; p?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sample_negative_binomial(params: { k?: NDArray; p?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from normal distributions with means mu and standard deviations sigma, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_normal)
   */
  sample_normal(mu?: NDArray | null, sigma?: NDArray | null, params?: { mu?: NDArray; sigma?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sample_normal(params: { mu?: NDArray; sigma?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from Poisson distributions with means lam (lam <= 0 gives 0), as floats, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_poisson)
   */
  sample_poisson(lam?: NDArray | null, params?: { lam?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sample_poisson(params: { lam?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from uniform distributions on [low, high), one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_uniform)
   */
  sample_uniform(low?: NDArray | null, high?: NDArray | null, params?: { low?: NDArray; high?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sample_uniform(params: { low?: NDArray; high?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Scatters data into zeros of the given shape: out[indices[:, y]] = data[y] (the inverse of gather_nd; with repeated indices the last one wins).
   */
  scatter_nd(data?: NDArray | null, indices?: NDArray | null, params?: { data?: NDArray; indices?: NDArray; shape: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  scatter_nd(params: { data?: NDArray; indices?: NDArray; shape: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Momentum update function for Stochastic Gradient Descent (SGD) optimizer. It updates the weights and the momentum (in place) using::   mom = momentum * mom - learning_rate * (clip(rescale_grad * gradient) + wd * weight)
   */
  sgd_mom_update(weight?: NDArray | null, grad?: NDArray | null, mom?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; mom?: NDArray; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sgd_mom_update(params: { weight?: NDArray; grad?: NDArray; mom?: NDArray; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Update function for Stochastic Gradient Descent (SGD) optimizer. It updates the weights using::   weight = weight - learning_rate * (clip(rescale_grad * gradient) + wd * weight)
   */
  sgd_update(weight?: NDArray | null, grad?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sgd_update(params: { weight?: NDArray; grad?: NDArray; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Returns a 1D int64 array containing the shape of data.
   */
  shape_array(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  shape_array(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Randomly permutes data along its first axis (rows keep their contents); the permutation comes from the random generator, so mx.random.seed makes it reproducible. Any dtype; not differentiable.
   * (registry name: _shuffle)
   */
  shuffle(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  shuffle(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logistic sigmoid 1/(1+exp(-x)), elementwise.
   */
  sigmoid(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sigmoid(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sign (-1, 0 or 1), elementwise.
   */
  sign(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sign(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Update function for SignSGD optimizer. It updates the weights using::   weight = (1 - learning_rate * wd) * weight - learning_rate * sign(clip(rescale_grad * gradient))
   */
  signsgd_update(weight?: NDArray | null, grad?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  signsgd_update(params: { weight?: NDArray; grad?: NDArray; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * SIGN momentUM (Signum) optimizer. It updates the weights and the momentum (in place) using::   mom = momentum * mom - (1 - momentum) * (clip(rescale_grad * gradient) + wd * weight)
   */
  signum_update(weight?: NDArray | null, grad?: NDArray | null, mom?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; mom?: NDArray; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; wd_lh?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  signum_update(params: { weight?: NDArray; grad?: NDArray; mom?: NDArray; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; wd_lh?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sine (radians), elementwise.
   */
  sin(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sin(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Hyperbolic sine, elementwise.
   */
  sinh(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sinh(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Returns a 1D int64 array of one element: the number of elements of data.
   */
  size_array(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  size_array(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Slices with begin/end/step per leading axis (numpy semantics; None entries mean the default: whole axis, step 1).
   */
  slice(data?: NDArray | null, params?: { data?: NDArray; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  slice(params: { data?: NDArray; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Slices [begin, end) along one axis (negative values count from the end).
   */
  slice_axis(data?: NDArray | null, params?: { data?: NDArray; axis: number; begin: number; end?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  slice_axis(params: { data?: NDArray; axis: number; begin: number; end?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Slices data to the shape of shape_like (on `axes`, or on every axis when empty), starting at index 0.
   */
  slice_like(data?: NDArray | null, shape_like?: NDArray | null, params?: { data?: NDArray; shape_like?: NDArray; axes?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  slice_like(params: { data?: NDArray; shape_like?: NDArray; axes?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Smooth L1 loss, elementwise: 0.5*(s*x)^2 where |x| < 1/s^2, else |x| - 0.5/s^2 (s = scalar).
   */
  smooth_l1(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  smooth_l1(params: { data?: NDArray; scalar?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Softmax along an axis: exp(x/T) / sum(exp(x/T)), computed stably.
   */
  softmax(data?: NDArray | null, params?: { data?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  softmax(params: { data?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Softmax cross-entropy loss summed over the batch. data (batch, classes) holds scores, label (batch,) class indices (same dtype as data); the output, of shape (1,), is sum_n -log(max(softmax(data[n])[label[n]], 1e-8)). The gradient with respect to data is softmax(data) - one_hot(label), times the incoming gradient; the label gets none.
   */
  softmax_cross_entropy(data?: NDArray | null, label?: NDArray | null, params?: { data?: NDArray; label?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  softmax_cross_entropy(params: { data?: NDArray; label?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Softmin along an axis: the softmax of -x/T.
   */
  softmin(data?: NDArray | null, params?: { data?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  softmin(params: { data?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * x / (1 + |x|), elementwise.
   */
  softsign(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  softsign(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sorts along axis (the flattened array when axis is None). Stable.
   */
  sort(data?: NDArray | null, params?: { data?: NDArray; axis?: number | null; is_ascend?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sort(params: { data?: NDArray; axis?: number | null; is_ascend?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Moves spatial blocks into channels: (N, C, H, W) -> (N, C*b^2, H/b, W/b).
   */
  space_to_depth(data?: NDArray | null, params?: { data?: NDArray; block_size: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  space_to_depth(params: { data?: NDArray; block_size: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Splits an array along axis into num_outputs equal parts.
   * (registry name: SliceChannel)
   */
  split(data?: NDArray | null, params?: { data?: NDArray; num_outputs: number; axis?: number; squeeze_axis?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  split(params: { data?: NDArray; num_outputs: number; axis?: number; squeeze_axis?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Square root, elementwise.
   */
  sqrt(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sqrt(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Square x*x, elementwise.
   */
  square(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  square(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Removes axes of length 1 (all of them, or those listed in axis). A result with no axes left keeps one, as MXNet does: squeezing (1, 1) gives (1,).
   */
  squeeze(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  squeeze(params: { data?: NDArray; axis?: number[] | number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Joins arrays of one shape along a new axis.
   */
  stack(...args: Array<NDArray | NDArray[] | { axis?: number; num_args?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray;
  /**
   * Returns the input unchanged and stops gradients from flowing back through it.
   * (registry name: BlockGrad)
   */
  stop_gradient(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  stop_gradient(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sum of array elements over the given axes.
   */
  sum(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sum(params: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Sum of array elements over the given axes.
   * (registry name: sum)
   */
  sum_axis(data?: NDArray | null, params?: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sum_axis(params: { data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Interchanges two axes.
   * (registry name: SwapAxis)
   */
  swapaxes(data?: NDArray | null, params?: { data?: NDArray; dim1?: number; dim2?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  swapaxes(params: { data?: NDArray; dim1?: number; dim2?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes elements of a along axis at the given indices: the result has shape a.shape[:axis] + indices.shape + a.shape[axis+1:]. mode: 'clip' clamps indices into range, 'wrap' wraps them around, 'raise' rejects out-of-range indices.
   */
  take(a?: NDArray | null, indices?: NDArray | null, params?: { a?: NDArray; indices?: NDArray; axis?: number; mode?: "clip" | "raise" | "wrap"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  take(params: { a?: NDArray; indices?: NDArray; axis?: number; mode?: "clip" | "raise" | "wrap"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Tangent (radians), elementwise.
   */
  tan(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  tan(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Hyperbolic tangent, elementwise.
   */
  tanh(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  tanh(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Repeats the whole array reps[i] times along axis i (numpy.tile).
   */
  tile(data?: NDArray | null, params?: { data?: NDArray; reps: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  tile(params: { data?: NDArray; reps: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The k largest (or smallest, is_ascend) elements along axis. ret_typ: 'indices' their positions, 'value' their values, 'both' [values, indices], 'mask' an array shaped like data with 1 at the selected positions. k < 1 selects the whole axis.
   */
  topk(data?: NDArray | null, params?: { data?: NDArray; axis?: number | null; k?: number; ret_typ?: "both" | "indices" | "mask" | "value"; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  topk(params: { data?: NDArray; axis?: number | null; k?: number; ret_typ?: "both" | "indices" | "mask" | "value"; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Permutes the axes: output axis i is input axis axes[i] (default: reversed).
   */
  transpose(data?: NDArray | null, params?: { data?: NDArray; axes?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  transpose(params: { data?: NDArray; axes?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Integer part (rounds toward zero), elementwise.
   */
  trunc(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  trunc(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the uniform distribution on [low, high).
   * (registry name: _random_uniform)
   */
  uniform(params?: { low?: number; high?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Converts an array of flat indices into a batch of index arrays. The output is (len(shape),) + data.shape: for each flat index v, the multi-index with v = sum_k out[k] * prod(shape[k+1:]); the first coordinate is not wrapped. The output has data's dtype.
   * (registry name: _unravel_index)
   */
  unravel_index(data?: NDArray | null, params?: { data?: NDArray; shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  unravel_index(params: { data?: NDArray; shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Elementwise choice: x where condition is non-zero, else y. condition has the shape of x, or is 1-D with length x.shape[0] (choosing whole rows).
   */
  where(condition?: NDArray | null, x?: NDArray | null, y?: NDArray | null, params?: { condition?: NDArray; x?: NDArray; y?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  where(params: { condition?: NDArray; x?: NDArray; y?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * An array of zeros with the shape and dtype of the input.
   */
  zeros_like(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  zeros_like(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
}

/** mx.nd._internal operators (generated from the registry). */

export interface NdInternalOps {
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) two arrays of the same shape, elementwise.
   * (registry name: elemwise_div)
   */
  _Div(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Div(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) an array and a scalar, elementwise.
   * (registry name: _div_scalar)
   */
  _DivScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _DivScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (==, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _equal)
   */
  _Equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (==, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _equal_scalar)
   */
  _EqualScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _EqualScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (>, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _greater)
   */
  _Greater(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Greater(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (>=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _greater_equal_scalar)
   */
  _GreaterEqualScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _GreaterEqualScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (>, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _greater_scalar)
   */
  _GreaterScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _GreaterScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (>=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _greater_equal)
   */
  _Greater_Equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Greater_Equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes sqrt(a^2 + b^2) of two arrays of the same shape, elementwise.
   * (registry name: _hypot)
   */
  _Hypot(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Hypot(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes sqrt(a^2 + b^2) of an array and a scalar, elementwise.
   * (registry name: _hypot_scalar)
   */
  _HypotScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _HypotScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (<, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _lesser)
   */
  _Lesser(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Lesser(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (<=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _lesser_equal_scalar)
   */
  _LesserEqualScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _LesserEqualScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (<, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _lesser_scalar)
   */
  _LesserScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _LesserScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (<=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _lesser_equal)
   */
  _Lesser_Equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Lesser_Equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical and (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   * (registry name: _logical_and_scalar)
   */
  _LogicalAndScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _LogicalAndScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical or (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   * (registry name: _logical_or_scalar)
   */
  _LogicalOrScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _LogicalOrScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical xor (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   * (registry name: _logical_xor_scalar)
   */
  _LogicalXorScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _LogicalXorScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical and (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   * (registry name: _logical_and)
   */
  _Logical_And(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Logical_And(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical or (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   * (registry name: _logical_or)
   */
  _Logical_Or(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Logical_Or(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical xor (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   * (registry name: _logical_xor)
   */
  _Logical_Xor(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Logical_Xor(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the maximum of two arrays of the same shape, elementwise.
   * (registry name: _maximum)
   */
  _Maximum(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Maximum(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the maximum of an array and a scalar, elementwise.
   * (registry name: _maximum_scalar)
   */
  _MaximumScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _MaximumScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the minimum of two arrays of the same shape, elementwise.
   * (registry name: _minimum)
   */
  _Minimum(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Minimum(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the minimum of an array and a scalar, elementwise.
   * (registry name: _minimum_scalar)
   */
  _MinimumScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _MinimumScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Subtracts two arrays of the same shape, elementwise.
   * (registry name: elemwise_sub)
   */
  _Minus(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Minus(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Subtracts an array and a scalar, elementwise.
   * (registry name: _minus_scalar)
   */
  _MinusScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _MinusScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the modulo (sign of the divisor, like Python) of two arrays of the same shape, elementwise.
   * (registry name: _mod)
   */
  _Mod(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Mod(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the modulo (sign of the divisor, like Python) of an array and a scalar, elementwise.
   * (registry name: _mod_scalar)
   */
  _ModScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _ModScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Multiplies two arrays of the same shape, elementwise.
   * (registry name: elemwise_mul)
   */
  _Mul(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Mul(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Multiplies an array and a scalar, elementwise.
   * (registry name: _mul_scalar)
   */
  _MulScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _MulScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (!=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _not_equal_scalar)
   */
  _NotEqualScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _NotEqualScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (!=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _not_equal)
   */
  _Not_Equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Not_Equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Adds two arrays of the same shape, elementwise.
   * (registry name: elemwise_add)
   */
  _Plus(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Plus(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Adds an array and a scalar, elementwise.
   * (registry name: _plus_scalar)
   */
  _PlusScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _PlusScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Raises to a power two arrays of the same shape, elementwise.
   * (registry name: _power)
   */
  _Power(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _Power(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Raises to a power an array and a scalar, elementwise.
   * (registry name: _power_scalar)
   */
  _PowerScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _PowerScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) a scalar and an array (scalar first), elementwise.
   * (registry name: _rdiv_scalar)
   */
  _RDivScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _RDivScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Subtracts a scalar and an array (scalar first), elementwise.
   * (registry name: _rminus_scalar)
   */
  _RMinusScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _RMinusScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the modulo (sign of the divisor, like Python) of a scalar and an array (scalar first), elementwise.
   * (registry name: _rmod_scalar)
   */
  _RModScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _RModScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Raises to a power a scalar and an array (scalar first), elementwise.
   * (registry name: _rpower_scalar)
   */
  _RPowerScalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _RPowerScalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Update function for AdaDelta optimizer (Zeiler, 2012); it has no learning rate. It updates the weights and the accumulators (in place) using::   g = clip(rescale_grad * gradient)
   */
  _adadelta_update(weight?: NDArray | null, grad?: NDArray | null, acc_g?: NDArray | null, acc_delta?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; acc_g?: NDArray; acc_delta?: NDArray; rho?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _adadelta_update(params: { weight?: NDArray; grad?: NDArray; acc_g?: NDArray; acc_delta?: NDArray; rho?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Update function for AdaGrad optimizer (Duchi et al., 2011), dense arrays. It updates the weights and the history (in place) using::   g = clip(rescale_grad * gradient)
   */
  _adagrad_update(weight?: NDArray | null, grad?: NDArray | null, history?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; history?: NDArray; lr: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _adagrad_update(params: { weight?: NDArray; grad?: NDArray; history?: NDArray; lr: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Update function for AdamW optimizer (Loshchilov & Hutter, Decoupled Weight Decay Regularization): the weight decay is applied to the weight, not through the gradient::   grad = clip(rescale_grad * grad)   mean = beta1 * mean + (1 - beta1) * grad
   */
  _adamw_update(weight?: NDArray | null, grad?: NDArray | null, mean?: NDArray | null, var_?: NDArray | null, rescale_grad?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; mean?: NDArray; var?: NDArray; rescale_grad?: NDArray; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; eta: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _adamw_update(params: { weight?: NDArray; grad?: NDArray; mean?: NDArray; var?: NDArray; rescale_grad?: NDArray; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; eta: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Adds two arrays of the same shape, elementwise.
   * (registry name: elemwise_add)
   */
  _add(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _add(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Evenly spaced values in [start, stop) (numpy.arange); with stop None the range is [0, start). Each value is repeated `repeat` times.
   */
  _arange(params?: { start: number; stop?: number | null; step?: number; repeat?: number; infer_range?: boolean; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of Activation.
   */
  _backward_Activation(ograd?: NDArray | null, data?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; output?: NDArray; act_type: "relu" | "sigmoid" | "softrelu" | "softsign" | "tanh"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_Activation(params: { ograd?: NDArray; data?: NDArray; output?: NDArray; act_type: "relu" | "sigmoid" | "softrelu" | "softsign" | "tanh"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradients of BatchNorm: inputs (ograd, data, gamma, moving_mean, moving_var); outputs the gradients of data, gamma and beta. Batch statistics are recomputed when is_train and not use_global_stats, as in the forward.
   */
  _backward_BatchNorm(ograd?: NDArray | null, data?: NDArray | null, gamma?: NDArray | null, moving_mean?: NDArray | null, moving_var?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; gamma?: NDArray; moving_mean?: NDArray; moving_var?: NDArray; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_BatchNorm(params: { ograd?: NDArray; data?: NDArray; gamma?: NDArray; moving_mean?: NDArray; moving_var?: NDArray; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradients of BilinearSampler: inputs (ograd, data, grid); outputs the gradients of data and grid.
   */
  _backward_BilinearSampler(ograd?: NDArray | null, data?: NDArray | null, grid?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; grid?: NDArray; cudnn_off?: boolean | null; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_BilinearSampler(params: { ograd?: NDArray; data?: NDArray; grid?: NDArray; cudnn_off?: boolean | null; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Casts ograd to the dtype of data, keeping ograd's shape (gradient of Cast).
   */
  _backward_Cast(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_Cast(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of Concat: splits ograd (input 0) into pieces shaped like the other inputs.
   */
  _backward_Concat(...args: Array<NDArray | NDArray[] | { num_args?: number; dim?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Gradients of Convolution: inputs (ograd, data, weight); outputs the gradients of data, weight and (unless no_bias) bias.
   */
  _backward_Convolution(ograd?: NDArray | null, data?: NDArray | null, weight?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; weight?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  _backward_Convolution(params: { ograd?: NDArray; data?: NDArray; weight?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Gradient of Crop with respect to data: inputs (ograd, data); ograd placed in the window, zeros elsewhere.
   */
  _backward_Crop(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; offset?: number[] | number; center_crop?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_Crop(params: { ograd?: NDArray; data?: NDArray; offset?: number[] | number; center_crop?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Backward of Custom: calls the custom operator's backward.
   */
  _backward_Custom(params?: { op_type?: string; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Gradients of Deconvolution: inputs (ograd, data, weight); outputs the gradients of data, weight and (unless no_bias) bias.
   */
  _backward_Deconvolution(ograd?: NDArray | null, data?: NDArray | null, weight?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; weight?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  _backward_Deconvolution(params: { ograd?: NDArray; data?: NDArray; weight?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Gradient of Dropout.
   */
  _backward_Dropout(ograd?: NDArray | null, data?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; output?: NDArray; p?: number; mode?: "always" | "training"; axes?: number[] | number; cudnn_off?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_Dropout(params: { ograd?: NDArray; data?: NDArray; output?: NDArray; p?: number; mode?: "always" | "training"; axes?: number[] | number; cudnn_off?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of Embedding w.r.t. weight (a scatter-add of ograd rows). Inputs: ograd, data.
   */
  _backward_Embedding(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; input_dim: number; output_dim: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_Embedding(params: { ograd?: NDArray; data?: NDArray; input_dim: number; output_dim: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of FullyConnected: (data grad, weight grad[, bias grad]).
   */
  _backward_FullyConnected(ograd?: NDArray | null, data?: NDArray | null, weight?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; weight?: NDArray; num_hidden: number; no_bias?: boolean; flatten?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  _backward_FullyConnected(params: { ograd?: NDArray; data?: NDArray; weight?: NDArray; num_hidden: number; no_bias?: boolean; flatten?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Gradient of GridGenerator with respect to data: input ograd (batch, 2, H, W); output (batch, 6) for 'affine', (batch, 2, H, W) for 'warp'.
   */
  _backward_GridGenerator(ograd?: NDArray | null, params?: { ograd?: NDArray; transform_type: "affine" | "warp"; target_shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_GridGenerator(params: { ograd?: NDArray; transform_type: "affine" | "warp"; target_shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradients of GroupNorm: inputs (ograd, data, gamma); outputs the gradients of data, gamma and beta.
   */
  _backward_GroupNorm(ograd?: NDArray | null, data?: NDArray | null, gamma?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; gamma?: NDArray; num_groups?: number; eps?: number; output_mean_var?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_GroupNorm(params: { ograd?: NDArray; data?: NDArray; gamma?: NDArray; num_groups?: number; eps?: number; output_mean_var?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradients of InstanceNorm: inputs (ograd, data, gamma); outputs the gradients of data, gamma and beta.
   */
  _backward_InstanceNorm(ograd?: NDArray | null, data?: NDArray | null, gamma?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; gamma?: NDArray; eps?: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_InstanceNorm(params: { ograd?: NDArray; data?: NDArray; gamma?: NDArray; eps?: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of L2Normalization: inputs (ograd, data); output data's gradient.
   */
  _backward_L2Normalization(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; eps?: number; mode?: "channel" | "instance" | "spatial"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_L2Normalization(params: { ograd?: NDArray; data?: NDArray; eps?: number; mode?: "channel" | "instance" | "spatial"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of LRN: inputs (ograd, data); output data's gradient.
   */
  _backward_LRN(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; alpha?: number; beta?: number; knorm?: number; nsize: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_LRN(params: { ograd?: NDArray; data?: NDArray; alpha?: number; beta?: number; knorm?: number; nsize: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradients of LayerNorm: inputs (ograd, data, gamma); outputs the gradients of data, gamma and beta.
   */
  _backward_LayerNorm(ograd?: NDArray | null, data?: NDArray | null, gamma?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; gamma?: NDArray; axis?: number; eps?: number; output_mean_var?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_LayerNorm(params: { ograd?: NDArray; data?: NDArray; gamma?: NDArray; axis?: number; eps?: number; output_mean_var?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of LeakyReLU: the data gradient (and gamma's, for prelu).
   */
  _backward_LeakyReLU(ograd?: NDArray | null, data?: NDArray | null, output?: NDArray | null, gamma?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; output?: NDArray; gamma?: NDArray; act_type?: "elu" | "gelu" | "leaky" | "prelu" | "selu"; slope?: number; lower_bound?: number; upper_bound?: number; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  _backward_LeakyReLU(params: { ograd?: NDArray; data?: NDArray; output?: NDArray; gamma?: NDArray; act_type?: "elu" | "gelu" | "leaky" | "prelu" | "selu"; slope?: number; lower_bound?: number; upper_bound?: number; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Gradient of LinearRegressionOutput with respect to data.
   */
  _backward_LinearRegressionOutput(output?: NDArray | null, label?: NDArray | null, params?: { output?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_LinearRegressionOutput(params: { output?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of LogisticRegressionOutput with respect to data.
   */
  _backward_LogisticRegressionOutput(output?: NDArray | null, label?: NDArray | null, params?: { output?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_LogisticRegressionOutput(params: { output?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of MAERegressionOutput with respect to data.
   */
  _backward_MAERegressionOutput(output?: NDArray | null, label?: NDArray | null, params?: { output?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_MAERegressionOutput(params: { output?: NDArray; label?: NDArray; grad_scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of MakeLoss: input data; output grad_scale (normalized) in data's shape.
   */
  _backward_MakeLoss(data?: NDArray | null, params?: { data?: NDArray; grad_scale?: number; valid_thresh?: number; normalization?: "batch" | "null" | "valid"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_MakeLoss(params: { data?: NDArray; grad_scale?: number; valid_thresh?: number; normalization?: "batch" | "null" | "valid"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of Pad: sums ograd back onto the source elements.
   */
  _backward_Pad(ograd?: NDArray | null, params?: { ograd?: NDArray; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_Pad(params: { ograd?: NDArray; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of Pooling: inputs (ograd, data, output); output the gradient of data.
   */
  _backward_Pooling(ograd?: NDArray | null, data?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; output?: NDArray; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_Pooling(params: { ograd?: NDArray; data?: NDArray; output?: NDArray; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradients of RNN: inputs (ograd[, ograd_state[, ograd_state_cell]], data, parameters, state[, state_cell][, sequence_length]) -- the gradients of the outputs RNN has under these parameters, then its inputs; outputs the gradients of data, parameters, state[, state_cell]. The forward is recomputed.
   */
  _backward_RNN(ograd?: NDArray | null, ograd_state?: NDArray | null, ograd_state_cell?: NDArray | null, data?: NDArray | null, parameters?: NDArray | null, state?: NDArray | null, state_cell?: NDArray | null, sequence_length?: NDArray | null, params?: { ograd?: NDArray; ograd_state?: NDArray; ograd_state_cell?: NDArray; data?: NDArray; parameters?: NDArray; state?: NDArray; state_cell?: NDArray; sequence_length?: NDArray; state_size: number; num_layers: number; bidirectional?: boolean; mode: "gru" | "lstm" | "rnn_relu" | "rnn_tanh"; p?: number; state_outputs?: boolean; projection_size?: number | null; lstm_state_clip_min?: number | null; lstm_state_clip_max?: number | null; lstm_state_clip_nan?: boolean; use_sequence_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  _backward_RNN(params: { ograd?: NDArray; ograd_state?: NDArray; ograd_state_cell?: NDArray; data?: NDArray; parameters?: NDArray; state?: NDArray; state_cell?: NDArray; sequence_length?: NDArray; state_size: number; num_layers: number; bidirectional?: boolean; mode: "gru" | "lstm" | "rnn_relu" | "rnn_tanh"; p?: number; state_outputs?: boolean; projection_size?: number | null; lstm_state_clip_min?: number | null; lstm_state_clip_max?: number | null; lstm_state_clip_nan?: boolean; use_sequence_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Gradients of ROIPooling: inputs (ograd, data, rois); outputs the gradients of data and rois (zero).
   */
  _backward_ROIPooling(ograd?: NDArray | null, data?: NDArray | null, rois?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; rois?: NDArray; pooled_size: number[] | number; spatial_scale: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_ROIPooling(params: { ograd?: NDArray; data?: NDArray; rois?: NDArray; pooled_size: number[] | number; spatial_scale: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of SVMOutput with respect to data: inputs (output, label).
   */
  _backward_SVMOutput(output?: NDArray | null, label?: NDArray | null, params?: { output?: NDArray; label?: NDArray; margin?: number; regularization_coefficient?: number; use_linear?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_SVMOutput(params: { output?: NDArray; label?: NDArray; margin?: number; regularization_coefficient?: number; use_linear?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of SequenceLast: inputs (ograd, data[, sequence_length]); the ograd rows go to the steps SequenceLast took, zeros elsewhere.
   */
  _backward_SequenceLast(ograd?: NDArray | null, data?: NDArray | null, sequence_length?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; sequence_length?: NDArray; use_sequence_length?: boolean; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_SequenceLast(params: { ograd?: NDArray; data?: NDArray; sequence_length?: NDArray; use_sequence_length?: boolean; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of SoftmaxActivation.
   */
  _backward_SoftmaxActivation(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; mode?: "channel" | "instance"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_SoftmaxActivation(params: { ograd?: NDArray; output?: NDArray; mode?: "channel" | "instance"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of SoftmaxOutput with respect to data.
   */
  _backward_SoftmaxOutput(ograd?: NDArray | null, output?: NDArray | null, label?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; label?: NDArray; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_SoftmaxOutput(params: { ograd?: NDArray; output?: NDArray; label?: NDArray; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradients of UpSampling: inputs (ograd, the forward inputs); outputs their gradients.
   */
  _backward_UpSampling(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scale: number; num_filter?: number; sample_type: "bilinear" | "nearest"; multi_input_mode?: "concat" | "sum"; num_args: number; workspace?: number; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  _backward_UpSampling(params: { ograd?: NDArray; data?: NDArray; scale: number; num_filter?: number; sample_type: "bilinear" | "nearest"; multi_input_mode?: "concat" | "sum"; num_args: number; workspace?: number; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Gradient of abs: ograd * dabs/dx.
   */
  _backward_abs(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_abs(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of elemwise_add and broadcast_add: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_add(ograd?: NDArray | null, lhs?: NDArray | null, rhs?: NDArray | null, params?: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_add(params: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of arccos: ograd * darccos/dx.
   */
  _backward_arccos(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_arccos(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of arccosh: ograd * darccosh/dx.
   */
  _backward_arccosh(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_arccosh(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of arcsin: ograd * darcsin/dx.
   */
  _backward_arcsin(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_arcsin(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of arcsinh: ograd * darcsinh/dx.
   */
  _backward_arcsinh(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_arcsinh(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of arctan: ograd * darctan/dx.
   */
  _backward_arctan(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_arctan(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of arctanh: ograd * darctanh/dx.
   */
  _backward_arctanh(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_arctanh(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of batch_dot. Inputs: ograd, lhs, rhs; outputs: lhs and rhs gradients.
   */
  _backward_batch_dot(ograd?: NDArray | null, lhs?: NDArray | null, rhs?: NDArray | null, params?: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; transpose_a?: boolean; transpose_b?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_batch_dot(params: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; transpose_a?: boolean; transpose_b?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of cbrt: ograd * dcbrt/dx.
   */
  _backward_cbrt(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_cbrt(params: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of clip: ograd where a_min <= x <= a_max, else 0.
   */
  _backward_clip(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; a_min: number; a_max: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_clip(params: { ograd?: NDArray; data?: NDArray; a_min: number; a_max: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _contrib_AdaptiveAvgPooling2D with respect to data: inputs (ograd, data); data only gives the input shape.
   */
  _backward_contrib_AdaptiveAvgPooling2D(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; output_size?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_contrib_AdaptiveAvgPooling2D(params: { ograd?: NDArray; data?: NDArray; output_size?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _contrib_BilinearResize2D with respect to data: inputs (ograd, data); data only gives the input shape.
   */
  _backward_contrib_BilinearResize2D(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_contrib_BilinearResize2D(params: { ograd?: NDArray; data?: NDArray; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _contrib_ROIAlign with respect to data: inputs (ograd, data, rois).
   */
  _backward_contrib_ROIAlign(ograd?: NDArray | null, data?: NDArray | null, rois?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; rois?: NDArray; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_contrib_ROIAlign(params: { ograd?: NDArray; data?: NDArray; rois?: NDArray; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _contrib_boolean_mask: inputs (ograd, data, index); output zeros shaped like data with ograd's slices at the kept positions.
   */
  _backward_contrib_boolean_mask(ograd?: NDArray | null, data?: NDArray | null, index?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; index?: NDArray; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_contrib_boolean_mask(params: { ograd?: NDArray; data?: NDArray; index?: NDArray; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _contrib_box_nms: inputs (ograd, data); the suppression is recomputed from data and each kept output row's gradient goes back to its input row.
   */
  _backward_contrib_box_nms(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_contrib_box_nms(params: { ograd?: NDArray; data?: NDArray; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _contrib_index_copy: inputs (ograd, index_vector); outputs the gradients of old_tensor (ograd with the indexed rows zeroed) and new_tensor (the indexed rows of ograd).
   */
  _backward_contrib_index_copy(ograd?: NDArray | null, index_vector?: NDArray | null, params?: { ograd?: NDArray; index_vector?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_contrib_index_copy(params: { ograd?: NDArray; index_vector?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of _contrib_quadratic: inputs (ograd, data); output ograd * (2 a x + b).
   */
  _backward_contrib_quadratic(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; a?: number; b?: number; c?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_contrib_quadratic(params: { ograd?: NDArray; data?: NDArray; a?: number; b?: number; c?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of cos: ograd * dcos/dx.
   */
  _backward_cos(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_cos(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of cosh: ograd * dcosh/dx.
   */
  _backward_cosh(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_cosh(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of CTCLoss with respect to data: inputs (ograd, data, label[, data_lengths][, label_lengths]); each sample's gradient is scaled by its ograd.
   */
  _backward_ctc_loss(ograd?: NDArray | null, data?: NDArray | null, label?: NDArray | null, data_lengths?: NDArray | null, label_lengths?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_ctc_loss(params: { ograd?: NDArray; data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of degrees: ograd * ddegrees/dx.
   */
  _backward_degrees(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_degrees(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of diag: inputs (ograd, data); output data's gradient.
   */
  _backward_diag(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; k?: number; axis1?: number; axis2?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_diag(params: { ograd?: NDArray; data?: NDArray; k?: number; axis1?: number; axis2?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of elemwise_div and broadcast_div: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_div(ograd?: NDArray | null, lhs?: NDArray | null, rhs?: NDArray | null, params?: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_div(params: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of _div_scalar.
   */
  _backward_div_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_div_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of dot. Inputs: ograd, lhs, rhs; outputs: lhs and rhs gradients.
   */
  _backward_dot(ograd?: NDArray | null, lhs?: NDArray | null, rhs?: NDArray | null, params?: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; transpose_a?: boolean; transpose_b?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_dot(params: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; transpose_a?: boolean; transpose_b?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of erf: ograd * derf/dx.
   */
  _backward_erf(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_erf(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of erfinv: inputs (ograd, data); ograd * sqrt(pi) / 2 * exp(erfinv(x)^2).
   */
  _backward_erfinv(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_erfinv(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of exp: ograd * dexp/dx.
   */
  _backward_exp(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_exp(params: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of expm1: ograd * dexpm1/dx.
   */
  _backward_expm1(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_expm1(params: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of gamma: ograd * dgamma/dx.
   */
  _backward_gamma(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_gamma(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of gammaln: ograd * dgammaln/dx.
   */
  _backward_gammaln(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_gammaln(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of gather_nd (a scatter-add, repeated indices accumulate). Inputs: ograd, indices, data.
   */
  _backward_gather_nd(ograd?: NDArray | null, indices?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; indices?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_gather_nd(params: { ograd?: NDArray; indices?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of hard_sigmoid: inputs (ograd, data); alpha * ograd where 0 < alpha * x + beta < 1.
   */
  _backward_hard_sigmoid(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; alpha?: number; beta?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_hard_sigmoid(params: { ograd?: NDArray; data?: NDArray; alpha?: number; beta?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _hypot and broadcast_hypot: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_hypot(ograd?: NDArray | null, lhs?: NDArray | null, rhs?: NDArray | null, params?: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_hypot(params: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of _hypot_scalar.
   */
  _backward_hypot_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_hypot_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of im2col: inputs (ograd, data); col2im of ograd to data's shape.
   */
  _backward_im2col(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_im2col(params: { ograd?: NDArray; data?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradients of the interleaved attention product of the same name (inputs: ograd, then the forward inputs; outputs: their gradients).
   */
  _backward_interleaved_matmul_encdec_qk(ograd?: NDArray | null, queries?: NDArray | null, keys_values?: NDArray | null, params?: { ograd?: NDArray; queries?: NDArray; keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_interleaved_matmul_encdec_qk(params: { ograd?: NDArray; queries?: NDArray; keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradients of the interleaved attention product of the same name (inputs: ograd, then the forward inputs; outputs: their gradients).
   */
  _backward_interleaved_matmul_encdec_valatt(ograd?: NDArray | null, keys_values?: NDArray | null, attention?: NDArray | null, params?: { ograd?: NDArray; keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_interleaved_matmul_encdec_valatt(params: { ograd?: NDArray; keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradients of the interleaved attention product of the same name (inputs: ograd, then the forward inputs; outputs: their gradients).
   */
  _backward_interleaved_matmul_selfatt_qk(ograd?: NDArray | null, queries_keys_values?: NDArray | null, params?: { ograd?: NDArray; queries_keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_interleaved_matmul_selfatt_qk(params: { ograd?: NDArray; queries_keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradients of the interleaved attention product of the same name (inputs: ograd, then the forward inputs; outputs: their gradients).
   */
  _backward_interleaved_matmul_selfatt_valatt(ograd?: NDArray | null, queries_keys_values?: NDArray | null, attention?: NDArray | null, params?: { ograd?: NDArray; queries_keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_interleaved_matmul_selfatt_valatt(params: { ograd?: NDArray; queries_keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of _linalg_det: inputs (ograd, A, det); output A's gradient ograd * det * A^-T.
   */
  _backward_linalg_det(ograd?: NDArray | null, A?: NDArray | null, det?: NDArray | null, params?: { ograd?: NDArray; A?: NDArray; det?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_linalg_det(params: { ograd?: NDArray; A?: NDArray; det?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _linalg_gelqf: inputs (ograd_Q, ograd_L, Q, L); output A's gradient.
   */
  _backward_linalg_gelqf(ograd_Q?: NDArray | null, ograd_L?: NDArray | null, Q?: NDArray | null, L?: NDArray | null, params?: { ograd_Q?: NDArray; ograd_L?: NDArray; Q?: NDArray; L?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_linalg_gelqf(params: { ograd_Q?: NDArray; ograd_L?: NDArray; Q?: NDArray; L?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _linalg_potrf: inputs (ograd, L); output A's gradient, symmetric.
   */
  _backward_linalg_potrf(ograd?: NDArray | null, L?: NDArray | null, params?: { ograd?: NDArray; L?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_linalg_potrf(params: { ograd?: NDArray; L?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _linalg_potri: inputs (ograd, A, result: the forward output); output A's gradient (lower triangular).
   */
  _backward_linalg_potri(ograd?: NDArray | null, A?: NDArray | null, result?: NDArray | null, params?: { ograd?: NDArray; A?: NDArray; result?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_linalg_potri(params: { ograd?: NDArray; A?: NDArray; result?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _linalg_slogdet: inputs (ograd_sign, ograd_logabsdet, A); output A's gradient ograd_logabsdet * A^-T.
   */
  _backward_linalg_slogdet(ograd_sign?: NDArray | null, ograd_logabsdet?: NDArray | null, A?: NDArray | null, params?: { ograd_sign?: NDArray; ograd_logabsdet?: NDArray; A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_linalg_slogdet(params: { ograd_sign?: NDArray; ograd_logabsdet?: NDArray; A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _linalg_sumlogdiag: inputs (ograd, A); output A's gradient diag(ograd / A_ii).
   */
  _backward_linalg_sumlogdiag(ograd?: NDArray | null, A?: NDArray | null, params?: { ograd?: NDArray; A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_linalg_sumlogdiag(params: { ograd?: NDArray; A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _linalg_syevd: inputs (ograd_U, ograd_lambda, U, lambda); output A's gradient (symmetric).
   */
  _backward_linalg_syevd(ograd_U?: NDArray | null, ograd_lambda?: NDArray | null, U?: NDArray | null, lambda?: NDArray | null, params?: { ograd_U?: NDArray; ograd_lambda?: NDArray; U?: NDArray; lambda?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_linalg_syevd(params: { ograd_U?: NDArray; ograd_lambda?: NDArray; U?: NDArray; lambda?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _linalg_syrk: inputs (ograd, A); output A's gradient.
   */
  _backward_linalg_syrk(ograd?: NDArray | null, A?: NDArray | null, params?: { ograd?: NDArray; A?: NDArray; transpose?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_linalg_syrk(params: { ograd?: NDArray; A?: NDArray; transpose?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _linalg_trmm: inputs (ograd, A, B); outputs the gradients of A (on its triangle) and B.
   */
  _backward_linalg_trmm(ograd?: NDArray | null, A?: NDArray | null, B?: NDArray | null, params?: { ograd?: NDArray; A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_linalg_trmm(params: { ograd?: NDArray; A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of _linalg_trsm: inputs (ograd, A, B, result: the forward output); outputs the gradients of A (on its triangle) and B.
   */
  _backward_linalg_trsm(ograd?: NDArray | null, A?: NDArray | null, B?: NDArray | null, result?: NDArray | null, params?: { ograd?: NDArray; A?: NDArray; B?: NDArray; result?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_linalg_trsm(params: { ograd?: NDArray; A?: NDArray; B?: NDArray; result?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of log: ograd * dlog/dx.
   */
  _backward_log(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_log(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of log10: ograd * dlog10/dx.
   */
  _backward_log10(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_log10(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of log1p: ograd * dlog1p/dx.
   */
  _backward_log1p(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_log1p(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of log2: ograd * dlog2/dx.
   */
  _backward_log2(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_log2(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of log_softmax, from the output (in the output's dtype).
   */
  _backward_log_softmax(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_log_softmax(params: { ograd?: NDArray; output?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of max.
   */
  _backward_max(ograd?: NDArray | null, data?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; output?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_max(params: { ograd?: NDArray; data?: NDArray; output?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _maximum and broadcast_maximum: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_maximum(ograd?: NDArray | null, lhs?: NDArray | null, rhs?: NDArray | null, params?: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_maximum(params: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of _maximum_scalar.
   */
  _backward_maximum_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_maximum_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of mean.
   */
  _backward_mean(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_mean(params: { ograd?: NDArray; data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of min.
   */
  _backward_min(ograd?: NDArray | null, data?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; output?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_min(params: { ograd?: NDArray; data?: NDArray; output?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _minimum and broadcast_minimum: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_minimum(ograd?: NDArray | null, lhs?: NDArray | null, rhs?: NDArray | null, params?: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_minimum(params: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of _minimum_scalar.
   */
  _backward_minimum_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_minimum_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _minus_scalar.
   */
  _backward_minus_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_minus_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _mod and broadcast_mod: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_mod(ograd?: NDArray | null, lhs?: NDArray | null, rhs?: NDArray | null, params?: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_mod(params: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of _mod_scalar.
   */
  _backward_mod_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_mod_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of moments: inputs (ograd of mean, ograd of var, data, mean); output data's gradient (ograd_mean + 2 ograd_var (data - mean)) / n, n the number of reduced elements.
   */
  _backward_moments(ograd_mean?: NDArray | null, ograd_var?: NDArray | null, data?: NDArray | null, mean?: NDArray | null, params?: { ograd_mean?: NDArray; ograd_var?: NDArray; data?: NDArray; mean?: NDArray; axes?: number[] | number | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_moments(params: { ograd_mean?: NDArray; ograd_var?: NDArray; data?: NDArray; mean?: NDArray; axes?: number[] | number | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of elemwise_mul and broadcast_mul: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_mul(ograd?: NDArray | null, lhs?: NDArray | null, rhs?: NDArray | null, params?: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_mul(params: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of _mul_scalar.
   */
  _backward_mul_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_mul_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of nanprod.
   */
  _backward_nanprod(ograd?: NDArray | null, data?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; output?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_nanprod(params: { ograd?: NDArray; data?: NDArray; output?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of nansum.
   */
  _backward_nansum(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_nansum(params: { ograd?: NDArray; data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of negative: ograd * dnegative/dx.
   */
  _backward_negative(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_negative(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of norm.
   */
  _backward_norm(ograd?: NDArray | null, data?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; output?: NDArray; ord?: number; axis?: number[] | number | null; out_dtype?: "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_norm(params: { ograd?: NDArray; data?: NDArray; output?: NDArray; ord?: number; axis?: number[] | number | null; out_dtype?: "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | null; keepdims?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of cumsum: inputs (ograd, a); the running sums of ograd from the end of each line, in a's shape and dtype.
   */
  _backward_np_cumsum(ograd?: NDArray | null, a?: NDArray | null, params?: { ograd?: NDArray; a?: NDArray; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_np_cumsum(params: { ograd?: NDArray; a?: NDArray; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradients of _random_pdf_dirichlet: inputs (ograd, sample, alpha), outputs the gradients of sample and alpha.
   */
  _backward_pdf_dirichlet(ograd?: NDArray | null, sample?: NDArray | null, alpha?: NDArray | null, params?: { ograd?: NDArray; sample?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_pdf_dirichlet(params: { ograd?: NDArray; sample?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradients of _random_pdf_exponential: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_exponential(ograd?: NDArray | null, sample?: NDArray | null, lam?: NDArray | null, params?: { ograd?: NDArray; sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_pdf_exponential(params: { ograd?: NDArray; sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradients of _random_pdf_gamma: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_gamma(ograd?: NDArray | null, sample?: NDArray | null, alpha?: NDArray | null, beta?: NDArray | null, params?: { ograd?: NDArray; sample?: NDArray; alpha?: NDArray; beta?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_pdf_gamma(params: { ograd?: NDArray; sample?: NDArray; alpha?: NDArray; beta?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradients of _random_pdf_generalized_negative_binomial: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_generalized_negative_binomial(ograd?: NDArray | null, sample?: NDArray | null, mu?: NDArray | null, alpha?: NDArray | null, params?: { ograd?: NDArray; sample?: NDArray; mu?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_pdf_generalized_negative_binomial(params: { ograd?: NDArray; sample?: NDArray; mu?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradients of _random_pdf_negative_binomial: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_negative_binomial(ograd?: NDArray | null, sample?: NDArray | null, k?: NDArray | null, p?: NDArray | null, params?: { ograd?: NDArray; sample?: NDArray; k?: NDArray; p?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_pdf_negative_binomial(params: { ograd?: NDArray; sample?: NDArray; k?: NDArray; p?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradients of _random_pdf_normal: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_normal(ograd?: NDArray | null, sample?: NDArray | null, mu?: NDArray | null, sigma?: NDArray | null, params?: { ograd?: NDArray; sample?: NDArray; mu?: NDArray; sigma?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_pdf_normal(params: { ograd?: NDArray; sample?: NDArray; mu?: NDArray; sigma?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradients of _random_pdf_poisson: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_poisson(ograd?: NDArray | null, sample?: NDArray | null, lam?: NDArray | null, params?: { ograd?: NDArray; sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_pdf_poisson(params: { ograd?: NDArray; sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradients of _random_pdf_uniform: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_uniform(ograd?: NDArray | null, sample?: NDArray | null, low?: NDArray | null, high?: NDArray | null, params?: { ograd?: NDArray; sample?: NDArray; low?: NDArray; high?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_pdf_uniform(params: { ograd?: NDArray; sample?: NDArray; low?: NDArray; high?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of pick w.r.t. data. Inputs: ograd, index, data.
   */
  _backward_pick(ograd?: NDArray | null, index?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; index?: NDArray; data?: NDArray; axis?: number | null; keepdims?: boolean; mode?: "clip" | "wrap"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_pick(params: { ograd?: NDArray; index?: NDArray; data?: NDArray; axis?: number | null; keepdims?: boolean; mode?: "clip" | "wrap"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _plus_scalar.
   */
  _backward_plus_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_plus_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _power and broadcast_power: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_power(ograd?: NDArray | null, lhs?: NDArray | null, rhs?: NDArray | null, params?: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_power(params: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of _power_scalar.
   */
  _backward_power_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_power_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of prod.
   */
  _backward_prod(ograd?: NDArray | null, data?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; output?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_prod(params: { ograd?: NDArray; data?: NDArray; output?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of radians: ograd * dradians/dx.
   */
  _backward_radians(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_radians(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of rcbrt: inputs (ograd, data); ograd * -1 / (3 * x * cbrt(x)).
   */
  _backward_rcbrt(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_rcbrt(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _rdiv_scalar.
   */
  _backward_rdiv_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_rdiv_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of reciprocal: ograd * dreciprocal/dx.
   */
  _backward_reciprocal(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_reciprocal(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of relu: ograd * drelu/dx.
   */
  _backward_relu(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_relu(params: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of repeat: sums ograd over the repetitions. Inputs: ograd, data.
   */
  _backward_repeat(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; repeats: number; axis?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_repeat(params: { ograd?: NDArray; data?: NDArray; repeats: number; axis?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _rminus_scalar.
   */
  _backward_rminus_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_rminus_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _rmod_scalar.
   */
  _backward_rmod_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_rmod_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _rpower_scalar.
   */
  _backward_rpower_scalar(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_rpower_scalar(params: { ograd?: NDArray; data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of rsqrt: ograd * drsqrt/dx.
   */
  _backward_rsqrt(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_rsqrt(params: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of _sample_multinomial's log-probability output with respect to data.
   */
  _backward_sample_multinomial(ograd?: NDArray | null, data?: NDArray | null, sample?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; sample?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_sample_multinomial(params: { ograd?: NDArray; data?: NDArray; sample?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of sigmoid: ograd * dsigmoid/dx.
   */
  _backward_sigmoid(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_sigmoid(params: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of sin: ograd * dsin/dx.
   */
  _backward_sin(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_sin(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of sinh: ograd * dsinh/dx.
   */
  _backward_sinh(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_sinh(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of slice: zeros shaped like data with the slice set to ograd. Inputs: ograd, data.
   */
  _backward_slice(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_slice(params: { ograd?: NDArray; data?: NDArray; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of slice_axis. Inputs: ograd, data.
   */
  _backward_slice_axis(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; axis: number; begin: number; end?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_slice_axis(params: { ograd?: NDArray; data?: NDArray; axis: number; begin: number; end?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of slice_like: ograd placed at the origin of zeros shaped like data. Inputs: ograd, data.
   */
  _backward_slice_like(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_slice_like(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of smooth_l1.
   */
  _backward_smooth_l1(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; scalar?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_smooth_l1(params: { ograd?: NDArray; data?: NDArray; scalar?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of softmax, from the output (in the output's dtype).
   */
  _backward_softmax(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_softmax(params: { ograd?: NDArray; output?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of softmax_cross_entropy with respect to data: inputs (ograd, data, label).
   */
  _backward_softmax_cross_entropy(ograd?: NDArray | null, data?: NDArray | null, label?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; label?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_softmax_cross_entropy(params: { ograd?: NDArray; data?: NDArray; label?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of softmin, from the output (in the output's dtype).
   */
  _backward_softmin(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_softmin(params: { ograd?: NDArray; output?: NDArray; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of softsign: ograd * dsoftsign/dx.
   */
  _backward_softsign(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_softsign(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of sqrt: ograd * dsqrt/dx.
   */
  _backward_sqrt(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_sqrt(params: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of square: ograd * dsquare/dx.
   */
  _backward_square(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_square(params: { ograd?: NDArray; data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of elemwise_sub and broadcast_sub: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_sub(ograd?: NDArray | null, lhs?: NDArray | null, rhs?: NDArray | null, params?: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_sub(params: { ograd?: NDArray; lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Gradient of sum.
   */
  _backward_sum(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_sum(params: { ograd?: NDArray; data?: NDArray; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of take w.r.t. a (a scatter-add). Inputs: ograd, indices, a.
   */
  _backward_take(ograd?: NDArray | null, indices?: NDArray | null, a?: NDArray | null, params?: { ograd?: NDArray; indices?: NDArray; a?: NDArray; axis?: number; mode?: "clip" | "raise" | "wrap"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_take(params: { ograd?: NDArray; indices?: NDArray; a?: NDArray; axis?: number; mode?: "clip" | "raise" | "wrap"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of tan: ograd * dtan/dx.
   */
  _backward_tan(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_tan(params: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of tanh: ograd * dtanh/dx.
   */
  _backward_tanh(ograd?: NDArray | null, output?: NDArray | null, params?: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_tanh(params: { ograd?: NDArray; output?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of tile: sums ograd over the repetitions. Inputs: ograd, data.
   */
  _backward_tile(ograd?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; data?: NDArray; reps: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_tile(params: { ograd?: NDArray; data?: NDArray; reps: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of sort/topk values: ograd scattered to the selected positions, zeros elsewhere. Inputs: ograd, indices (positions along axis), data.
   */
  _backward_topk(ograd?: NDArray | null, indices?: NDArray | null, data?: NDArray | null, params?: { ograd?: NDArray; indices?: NDArray; data?: NDArray; axis?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _backward_topk(params: { ograd?: NDArray; indices?: NDArray; data?: NDArray; axis?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Gradient of where: (ograd where condition else 0, 0 where condition else ograd). Inputs: ograd, condition.
   */
  _backward_where(ograd?: NDArray | null, condition?: NDArray | null, params?: { ograd?: NDArray; condition?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _backward_where(params: { ograd?: NDArray; condition?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Sums ograd over the axes where `like` was broadcast, giving like's shape.
   */
  _broadcast_backward(ograd?: NDArray | null, like?: NDArray | null, params?: { ograd?: NDArray; like?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _broadcast_backward(params: { ograd?: NDArray; like?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Adaptive average pooling: averages each (batch, channel) plane of data (batch, channel, height, width) over an output_size grid of bins. Output bin (i, j) of (Ho, Wo) averages input rows [floor(i H / Ho), ceil((i + 1) H / Ho)) and columns [floor(j W / Wo), ceil((j + 1) W / Wo)); bins overlap when the input size is not a multiple of the output size, and an output larger than the input repeats pixels. The gradient gives each pixel the sum of its bins' gradients over their areas.
   */
  _contrib_AdaptiveAvgPooling2D(data?: NDArray | null, params?: { data?: NDArray; output_size?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_AdaptiveAvgPooling2D(params: { data?: NDArray; output_size?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Resizes images by bilinear interpolation. data is (batch, channel, height, width); the output keeps batch and channel and takes the height and width that `mode` picks (see its description). Each output pixel blends the four input pixels around its source point: with align_corners=True output pixel o of n_out reads o * (n_in - 1) / (n_out - 1), with False (o + 0.5) * n_in / n_out - 0.5 (at least 0); an output axis of size 1 reads the first pixel. In mode 'like' the second input `like` gives the output height and width (its gradient is zero). The gradient spreads each output gradient over its four source pixels with the blend's weights.
   */
  _contrib_BilinearResize2D(data?: NDArray | null, like?: NDArray | null, params?: { data?: NDArray; like?: NDArray; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_BilinearResize2D(params: { data?: NDArray; like?: NDArray; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   * (registry name: CTCLoss)
   */
  _contrib_CTCLoss(data?: NDArray | null, label?: NDArray | null, data_lengths?: NDArray | null, label_lengths?: NDArray | null, params?: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_CTCLoss(params: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * SSD detection output: decodes, scores and suppresses the anchors' predictions. cls_prob (batch, classes, A) holds class probabilities, loc_pred (batch, A * 4) box offsets, anchor (1, A, 4) the anchors (corners). Per anchor the best class other than background_id gives the id (counted among the non-background classes) and score; below threshold the anchor has no detection. Boxes decode as box_decode does with std = variances (and clip to [0, 1] when clip). The detections, best score first (ties in anchor order), then go through NMS over the first nms_topk (nms_topk > 0): a kept detection suppresses later ones of its class (of any class with force_suppress) whose IoU is at least nms_threshold. Output (batch, A, 6) rows (id, score, xmin, ymin, xmax, ymax) in that order; suppressed detections and those beyond nms_topk keep their row with id -1, anchors without a detection give rows of -1 at the end. (MXNet 1.9 always treats class 0 as the background and writes wrong rows beyond nms_topk; mxlite honours background_id and keeps those rows.) The gradient is zero.
   */
  _contrib_MultiBoxDetection(cls_prob?: NDArray | null, loc_pred?: NDArray | null, anchor?: NDArray | null, params?: { cls_prob?: NDArray; loc_pred?: NDArray; anchor?: NDArray; clip?: boolean; threshold?: number; background_id?: number; nms_threshold?: number; force_suppress?: boolean; variances?: string; nms_topk?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_MultiBoxDetection(params: { cls_prob?: NDArray; loc_pred?: NDArray; anchor?: NDArray; clip?: boolean; threshold?: number; background_id?: number; nms_threshold?: number; force_suppress?: boolean; variances?: string; nms_topk?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Generates SSD anchor boxes (priors) for a feature map. For data (batch, channel, H, W) the output (1, H * W * A, 4) holds, cell by cell (row-major) and A = len(sizes) + len(ratios) - 1 anchors per cell, corner boxes (xmin, ymin, xmax, ymax) as fractions of the image: centred at ((x + offsets[1]) * step_x, (y + offsets[0]) * step_y), one anchor per size with ratios[0], then one per further ratio with sizes[0]; an anchor of size s and ratio r is s * H / W * sqrt(r) wide and s / sqrt(r) high. Only data's shape is used; the gradient is zero.
   */
  _contrib_MultiBoxPrior(data?: NDArray | null, params?: { data?: NDArray; sizes?: string; ratios?: string; clip?: boolean; steps?: string; offsets?: string; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_MultiBoxPrior(params: { data?: NDArray; sizes?: string; ratios?: string; clip?: boolean; steps?: string; offsets?: string; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * SSD training targets: matches anchors to ground-truth boxes. anchor (1, A, 4) holds corner anchors, label (batch, L, 5 or more) rows (class, xmin, ymin, xmax, ymax) -- a sample's ground truths are its rows up to the first of class -1 -- and cls_pred (batch, classes, A) the class scores (used by negative mining). Each ground truth in turn takes the free anchor of highest IoU (the best pair overall first, while that IoU exceeds 1e-6); every other anchor whose best IoU exceeds overlap_threshold matches its best ground truth. Matched anchors are positives: cls_target is their class + 1, loc_target their box encoding (box_encode's, with zero means and std = variances) and loc_mask 1. Without mining (negative_mining_ratio <= 0) every other anchor is a negative (cls_target 0); with it, of the unmatched anchors whose best IoU is below negative_mining_thresh, those of lowest background probability (softmax of cls_pred) become negatives, max(positives * ratio, minimum_negative_samples) of them at most, and the rest get ignore_label. (MXNet 1.9 ignores minimum_negative_samples and aborts when fewer candidates exist than wanted; mxlite takes them all.) Outputs: loc_target and loc_mask (batch, A * 4), cls_target (batch, A). The gradient is zero.
   */
  _contrib_MultiBoxTarget(anchor?: NDArray | null, label?: NDArray | null, cls_pred?: NDArray | null, params?: { anchor?: NDArray; label?: NDArray; cls_pred?: NDArray; overlap_threshold?: number; ignore_label?: number; negative_mining_ratio?: number; negative_mining_thresh?: number; minimum_negative_samples?: number; variances?: string; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _contrib_MultiBoxTarget(params: { anchor?: NDArray; label?: NDArray; cls_pred?: NDArray; overlap_threshold?: number; ignore_label?: number; negative_mining_ratio?: number; negative_mining_thresh?: number; minimum_negative_samples?: number; variances?: string; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Region of interest align pooling (Mask R-CNN): pools each roi of a feature map into pooled_size bins without quantising coordinates. data is (batch, channels, height, width); rois (num_rois, 5) rows (batch index, x1, y1, x2, y2) in image pixels, mapped onto data by spatial_scale (minus half a pixel when aligned). Each bin averages bilinear samples at the centres of a sample_ratio x sample_ratio grid over it (when sample_ratio <= 0, ceil(bin size) per axis); samples more than a pixel outside the map read 0, those within clamp to the border. Without aligned an roi is at least one pixel wide and high. A roi with a negative batch index gives 0 (MXNet 1.9 writes garbage there); an empty aligned roi gives 0 (MXNet aborts). Output (num_rois, channels, ph, pw), or channels / (ph * pw) with position_sensitive. The gradient reaches data; rois get 0.
   */
  _contrib_ROIAlign(data?: NDArray | null, rois?: NDArray | null, params?: { data?: NDArray; rois?: NDArray; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_ROIAlign(params: { data?: NDArray; rois?: NDArray; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Whether every element of a is close to the one of b: |a - b| <= atol + rtol * |b| (numpy.allclose, not symmetric). a and b must have the same shape. The output is a uint8 scalar (shape ()), 1 or 0; NaNs compare equal when equal_nan is true.
   */
  _contrib_allclose(a?: NDArray | null, b?: NDArray | null, params?: { a?: NDArray; b?: NDArray; rtol?: number; atol?: number; equal_nan?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_allclose(params: { a?: NDArray; b?: NDArray; rtol?: number; atol?: number; equal_nan?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Evenly spaced values shaped like data (or, with axis, like data's axis): element i is start + floor(i / repeat) * step, in data's dtype. The gradient with respect to data is zero.
   */
  _contrib_arange_like(data?: NDArray | null, params?: { data?: NDArray; start?: number; step?: number; repeat?: number; ctx?: Context | string; axis?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_arange_like(params: { data?: NDArray; start?: number; step?: number; repeat?: number; ctx?: Context | string; axis?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Greedy bipartite matching of rows to columns by score. data (..., N, M) holds a score per (row, column) pair. Visiting the pairs from the best score (highest, or lowest with is_ascend; equal scores in row-major order) while the score is beyond threshold (above it, or below with is_ascend), a pair whose row and column are both still free is matched, at most topk matches when topk > 0. Outputs: the column matched to each row (..., N) and the row matched to each column (..., M), -1 where none. (MXNet 1.9 allows topk + 1 matches; mxlite keeps to the documented topk.) The gradient is zero.
   */
  _contrib_bipartite_matching(data?: NDArray | null, params?: { data?: NDArray; is_ascend?: boolean; threshold: number; topk?: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _contrib_bipartite_matching(params: { data?: NDArray; is_ascend?: boolean; threshold: number; topk?: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Keeps the slices of data along axis whose index value is non-zero: index is 1-D with one value per position of that axis (any dtype). The output has data's shape with that axis shortened to the count of non-zero values (possibly 0). The output's shape depends on index's values, so the op runs imperatively (mx.nd) only: a symbol cannot infer it. The gradient reaches data (zero on the dropped slices).
   */
  _contrib_boolean_mask(data?: NDArray | null, index?: NDArray | null, params?: { data?: NDArray; index?: NDArray; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_boolean_mask(params: { data?: NDArray; index?: NDArray; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Decodes predicted box offsets against anchors (the inverse of box_encode with zero means). data (B, N, 4) holds offsets, anchors (1, N, 4) the anchors in `format`. Output (B, N, 4), corners: centre (ax + data[0] * std0 * aw, ay + data[1] * std1 * ah) and size (aw * exp(data[2] * std2), ah * exp(data[3] * std3)), each exponent first clipped to clip when clip > 0. The gradient is zero, as in MXNet.
   */
  _contrib_box_decode(data?: NDArray | null, anchors?: NDArray | null, params?: { data?: NDArray; anchors?: NDArray; std0?: number; std1?: number; std2?: number; std3?: number; clip?: number; format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_box_decode(params: { data?: NDArray; anchors?: NDArray; std0?: number; std1?: number; std2?: number; std3?: number; clip?: number; format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Encodes the regression targets of matched anchors (SSD / Faster R-CNN box encoding). samples (B, N): > 0.5 marks a positive anchor; matches (B, N): the index of its reference box in refs; anchors (B, N, 4) and refs (B, M, 4) as corners; means and stds (4,). For a positive anchor the target is (((gx - ax) / aw, (gy - ay) / ah, log(gw / aw), log(gh / ah)) - means) / stds, from the centres and sizes of reference g and anchor a, and its mask is 1; other anchors get target and mask 0. Outputs: targets and masks, both (B, N, 4). A positive sample whose match does not index refs is an error. The gradient is zero.
   */
  _contrib_box_encode(samples?: NDArray | null, matches?: NDArray | null, anchors?: NDArray | null, refs?: NDArray | null, means?: NDArray | null, stds?: NDArray | null, params?: { samples?: NDArray; matches?: NDArray; anchors?: NDArray; refs?: NDArray; means?: NDArray; stds?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _contrib_box_encode(params: { samples?: NDArray; matches?: NDArray; anchors?: NDArray; refs?: NDArray; means?: NDArray; stds?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Intersection over union of every pair of boxes: lhs (..., 4) and rhs (..., 4) give an output of shape lhs.shape[:-1] + rhs.shape[:-1]. Pairs that do not overlap, and empty or inverted boxes, give 0. As in MXNet the gradient is zero.
   */
  _contrib_box_iou(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_box_iou(params: { lhs?: NDArray; rhs?: NDArray; format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Non-maximum suppression of boxes. data is (..., N, K): N rows of K values per batch, each holding 4 box coordinates from coord_start, a score at score_index and optionally a class id at id_index. Rows whose score does not exceed valid_thresh, and with id_index those of class background_id, are dropped; of the rest, only the topk best-scoring take part (topk > 0). Visiting them from the best score down (equal scores in row order), each row not yet suppressed is kept and suppresses every later row whose IoU with it exceeds overlap_thresh (with id_index and force_suppress=False, only rows of its own class). The output has data's shape: the kept rows, best first, their coordinates converted from in_format to out_format, then rows of -1. The gradient of each kept output row goes back to the input row it came from; dropped and suppressed rows get 0.
   */
  _contrib_box_nms(data?: NDArray | null, params?: { data?: NDArray; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_box_nms(params: { data?: NDArray; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Non-maximum suppression of boxes. data is (..., N, K): N rows of K values per batch, each holding 4 box coordinates from coord_start, a score at score_index and optionally a class id at id_index. Rows whose score does not exceed valid_thresh, and with id_index those of class background_id, are dropped; of the rest, only the topk best-scoring take part (topk > 0). Visiting them from the best score down (equal scores in row order), each row not yet suppressed is kept and suppresses every later row whose IoU with it exceeds overlap_thresh (with id_index and force_suppress=False, only rows of its own class). The output has data's shape: the kept rows, best first, their coordinates converted from in_format to out_format, then rows of -1. The gradient of each kept output row goes back to the input row it came from; dropped and suppressed rows get 0.
   * (registry name: _contrib_box_nms)
   */
  _contrib_box_non_maximum_suppression(data?: NDArray | null, params?: { data?: NDArray; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_box_non_maximum_suppression(params: { data?: NDArray; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   * (registry name: CTCLoss)
   */
  _contrib_ctc_loss(data?: NDArray | null, label?: NDArray | null, data_lengths?: NDArray | null, label_lengths?: NDArray | null, params?: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_ctc_loss(params: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Divides data by the square root of the size of its last axis (attention score scaling). Integer dtypes keep their dtype (the quotient truncates).
   */
  _contrib_div_sqrt_dim(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_div_sqrt_dim(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Identity in the forward pass; multiplies the gradient by scalar in the backward pass (e.g. -1 for a gradient reversal layer).
   */
  _contrib_gradientmultiplier(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_gradientmultiplier(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The index of every element of data: output (*data.shape, len(axes)) int64 holds, at each position, its coordinates along axes (default: all axes, in order). Not differentiable (its output is integer).
   */
  _contrib_index_array(data?: NDArray | null, params?: { data?: NDArray; axes?: number[] | number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_index_array(params: { data?: NDArray; axes?: number[] | number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Copies the rows of new_tensor into old_tensor at the row positions index_vector gives: output[index[j]] = new_tensor[j], the other rows as old_tensor's. Indices must be in [0, len(old_tensor)). The gradient reaches old_tensor (zero on the replaced rows) and new_tensor (the replaced rows of ograd).
   */
  _contrib_index_copy(old_tensor?: NDArray | null, index_vector?: NDArray | null, new_tensor?: NDArray | null, params?: { old_tensor?: NDArray; index_vector?: NDArray; new_tensor?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_index_copy(params: { old_tensor?: NDArray; index_vector?: NDArray; new_tensor?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Encoder-decoder attention scores from interleaved projections. queries is (query_length, batch, heads * head_dim); keys_values (key_length, batch, heads * 2 * head_dim), the key and value of each head side by side. The output (batch * heads, query_length, key_length) holds (q / sqrt(head_dim)) k^T per head.
   */
  _contrib_interleaved_matmul_encdec_qk(queries?: NDArray | null, keys_values?: NDArray | null, params?: { queries?: NDArray; keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_interleaved_matmul_encdec_qk(params: { queries?: NDArray; keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Encoder-decoder attention output from interleaved keys/values and attention weights. keys_values is (key_length, batch, heads * 2 * head_dim) as for interleaved_matmul_encdec_qk; attention (batch * heads, query_length, key_length). The output (query_length, batch, heads * head_dim) holds attention v per head, the heads side by side.
   */
  _contrib_interleaved_matmul_encdec_valatt(keys_values?: NDArray | null, attention?: NDArray | null, params?: { keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_interleaved_matmul_encdec_valatt(params: { keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Self-attention scores from interleaved projections. queries_keys_values is (seq_length, batch, heads * 3 * head_dim), the query, key and value of each head side by side. The output (batch * heads, seq_length, seq_length) holds, for head h of sample b at row b * heads + h, (q / sqrt(head_dim)) k^T.
   */
  _contrib_interleaved_matmul_selfatt_qk(queries_keys_values?: NDArray | null, params?: { queries_keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_interleaved_matmul_selfatt_qk(params: { queries_keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Self-attention output from interleaved projections and attention weights. queries_keys_values is (seq_length, batch, heads * 3 * head_dim) as for interleaved_matmul_selfatt_qk; attention (batch * heads, seq_length, seq_length). The output (seq_length, batch, heads * head_dim) holds attention v per head, the heads side by side.
   */
  _contrib_interleaved_matmul_selfatt_valatt(queries_keys_values?: NDArray | null, attention?: NDArray | null, params?: { queries_keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_interleaved_matmul_selfatt_valatt(params: { queries_keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * a * x^2 + b * x + c for every element x of data.
   */
  _contrib_quadratic(data?: NDArray | null, params?: { data?: NDArray; a?: number; b?: number; c?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_quadratic(params: { data?: NDArray; a?: number; b?: number; c?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Rounds to the nearest integer (halves away from zero) with a straight-through gradient: the gradient passes unchanged, as if the op were the identity.
   */
  _contrib_round_ste(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_round_ste(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The sign (-1, 0 or 1) with a straight-through gradient: the gradient passes unchanged, as if the op were the identity.
   */
  _contrib_sign_ste(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _contrib_sign_ste(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Returns a copy of the input.
   */
  _copy(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _copy(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * lhs with the slice begin/end/step replaced by rhs (x[...] = y).
   * (registry name: _slice_assign)
   */
  _crop_assign(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _crop_assign(params: { lhs?: NDArray; rhs?: NDArray; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * data with the slice begin/end/step set to scalar (x[...] = v).
   * (registry name: _slice_assign_scalar)
   */
  _crop_assign_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _crop_assign_scalar(params: { data?: NDArray; scalar?: number; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) two arrays of the same shape, elementwise.
   * (registry name: elemwise_div)
   */
  _div(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _div(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) an array and a scalar, elementwise.
   */
  _div_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _div_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (==, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (==, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _equal_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _equal_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * A 2-D array with ones on the k-th diagonal and zeros elsewhere.
   */
  _eye(params?: { N: number; M?: number; k?: number; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * An array filled with value.
   */
  _full(params?: { shape?: number[] | number; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; value: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Adds two arrays of the same shape, elementwise.
   * (registry name: elemwise_add)
   */
  _grad_add(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _grad_add(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (>, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _greater(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _greater(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (>=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _greater_equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _greater_equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (>=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _greater_equal_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _greater_equal_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (>, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _greater_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _greater_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Counts data's elements in bins. Either bin_cnt and range: bin_cnt equal bins over range (min, max); or neither, and a second input bins holding the increasing bin edges. Each bin is [e_i, e_i+1) but the last, which is closed; values outside the edges and NaN are not counted. Outputs the counts (int64) and the bin edges (data's dtype), against which the counts are made.
   */
  _histogram(data?: NDArray | null, bins?: NDArray | null, params?: { data?: NDArray; bins?: NDArray; bin_cnt?: number | null; range?: string | null; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _histogram(params: { data?: NDArray; bins?: NDArray; bin_cnt?: number | null; range?: string | null; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Computes sqrt(a^2 + b^2) of two arrays of the same shape, elementwise.
   */
  _hypot(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _hypot(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes sqrt(a^2 + b^2) of an array and a scalar, elementwise.
   */
  _hypot_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _hypot_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (<, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _lesser(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _lesser(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (<=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _lesser_equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _lesser_equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (<=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _lesser_equal_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _lesser_equal_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (<, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _lesser_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _lesser_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes the determinant of a matrix: out = det(A). A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. Computed from an LU factorization with partial pivoting; a singular matrix gives 0 (and a zero gradient). float32 and float64.
   */
  _linalg_det(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_det(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Extracts the diagonal entries of a square matrix. A has shape (..., n, n); out has shape (..., n - |offset|): the diagonal at `offset` (above the main one when positive, below it when negative). float32 and float64.
   */
  _linalg_extractdiag(A?: NDArray | null, params?: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_extractdiag(params: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Extracts a triangular sub-matrix from a square matrix, packed into a vector. A has shape (..., n, n); out has shape (..., m (m + 1) / 2) with m = n - |offset|. offset < 0 takes the triangle below the diagonal at `offset`, offset > 0 the one above it, offset = 0 the lower (lower=True) or upper triangle with the diagonal. A lower triangle is packed row by row, an upper one column by column. float32 and float64.
   */
  _linalg_extracttrian(A?: NDArray | null, params?: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_extracttrian(params: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * LQ factorization for general matrix: A = L * Q, outputs (Q, L). A has shape (..., m, n) with m <= n; Q has shape (..., m, n) with orthonormal rows, L shape (..., m, m), lower triangular. Householder reflections with LAPACK's sign conventions (L's diagonal may be negative). float32 and float64.
   */
  _linalg_gelqf(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _linalg_gelqf(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Performs general matrix multiplication and accumulation: out = alpha * op(A) * op(B) + beta * C, op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A, B and C. float32 and float64.
   */
  _linalg_gemm(A?: NDArray | null, B?: NDArray | null, C?: NDArray | null, params?: { A?: NDArray; B?: NDArray; C?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_gemm(params: { A?: NDArray; B?: NDArray; C?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs general matrix multiplication: out = alpha * op(A) * op(B), op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A and B. float32 and float64.
   */
  _linalg_gemm2(A?: NDArray | null, B?: NDArray | null, params?: { A?: NDArray; B?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_gemm2(params: { A?: NDArray; B?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes the inverse of a matrix: out = A^-1. A has shape (..., n, n): the matrices are on the last two axes and every leading axis is a batch axis. A singular matrix is an error. float32 and float64.
   */
  _linalg_inverse(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_inverse(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Constructs a square matrix with the input as diagonal. A has shape (..., k); out has shape (..., n, n) with n = k + |offset|, zero except the diagonal at `offset`, which holds A. float32 and float64.
   */
  _linalg_makediag(A?: NDArray | null, params?: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_makediag(params: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Constructs a square matrix from a packed triangle (the inverse of _linalg_extracttrian). A has shape (..., k) with k = m (m + 1) / 2; out has shape (..., n, n) with n = m + |offset|, zero outside the triangle that offset and lower name (see _linalg_extracttrian). float32 and float64.
   */
  _linalg_maketrian(A?: NDArray | null, params?: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_maketrian(params: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs Cholesky factorization of a symmetric positive-definite matrix: out = L, the lower triangular matrix with A = L * L^T. Only the lower triangle of A is read; the upper triangle of out is zero. A has shape (..., n, n). A matrix that is not positive definite is an error. The gradient is symmetric (A is taken as symmetric). float32 and float64.
   */
  _linalg_potrf(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_potrf(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs matrix inversion from a Cholesky factorization: out = (A * A^T)^-1 for A the lower triangular factor that _linalg_potrf returns. Only the lower triangle of A is read. A has shape (..., n, n). A zero on A's diagonal is an error. float32 and float64.
   */
  _linalg_potri(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_potri(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes the sign and the natural logarithm of the absolute value of the determinant of a matrix: (sign, logabsdet) with det(A) = sign * exp(logabsdet). A has shape (..., n, n); both outputs have the batch shape (...), or (1,) for a single matrix. A singular matrix gives sign 0 and logabsdet -inf. Only logabsdet has a gradient (A^-T). float32 and float64.
   */
  _linalg_slogdet(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _linalg_slogdet(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Computes the sum of the logarithms of the diagonal elements of a square matrix. A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. A negative diagonal element gives nan. float32 and float64.
   */
  _linalg_sumlogdiag(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_sumlogdiag(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Eigendecomposition for symmetric matrix: A = U^T * diag(lambda) * U, outputs (U, lambda). A has shape (..., n, n) and is taken as symmetric (its lower triangle is read). U has shape (..., n, n), its rows the orthonormal eigenvectors, each with its largest-magnitude entry positive; lambda has shape (..., n), ascending. Computed by cyclic Jacobi rotations. The gradient assumes distinct eigenvalues. float32 and float64.
   */
  _linalg_syevd(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  _linalg_syevd(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Multiplication of a matrix with its transpose: out = alpha * A * A^T, or alpha * A^T * A with transpose=True. A has shape (..., m, n); out has shape (..., m, m), or (..., n, n) with transpose=True. float32 and float64.
   */
  _linalg_syrk(A?: NDArray | null, params?: { A?: NDArray; transpose?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_syrk(params: { A?: NDArray; transpose?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs multiplication with a triangular matrix: out = alpha * op(A) * B, or alpha * B * op(A) with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. float32 and float64.
   */
  _linalg_trmm(A?: NDArray | null, B?: NDArray | null, params?: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_trmm(params: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Solves a matrix equation with a triangular matrix: out = alpha * op(A)^-1 * B, or alpha * B * op(A)^-1 with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. A zero on A's diagonal gives inf/nan, as LAPACK's trsm. float32 and float64.
   */
  _linalg_trsm(A?: NDArray | null, B?: NDArray | null, params?: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _linalg_trsm(params: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * num evenly spaced values from start to stop (inclusive when endpoint).
   */
  _linspace(params?: { start: number; stop: number; num: number; endpoint?: boolean; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical and (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   */
  _logical_and(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _logical_and(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical and (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   */
  _logical_and_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _logical_and_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical or (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   */
  _logical_or(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _logical_or(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical or (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   */
  _logical_or_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _logical_or_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical xor (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   */
  _logical_xor(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _logical_xor(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Logical xor (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   */
  _logical_xor_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _logical_xor_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the maximum of two arrays of the same shape, elementwise.
   */
  _maximum(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _maximum(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the maximum of an array and a scalar, elementwise.
   */
  _maximum_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _maximum_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the minimum of two arrays of the same shape, elementwise.
   */
  _minimum(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _minimum(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the minimum of an array and a scalar, elementwise.
   */
  _minimum_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _minimum_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Subtracts two arrays of the same shape, elementwise.
   * (registry name: elemwise_sub)
   */
  _minus(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _minus(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Subtracts an array and a scalar, elementwise.
   */
  _minus_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _minus_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the modulo (sign of the divisor, like Python) of two arrays of the same shape, elementwise.
   */
  _mod(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _mod(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the modulo (sign of the divisor, like Python) of an array and a scalar, elementwise.
   */
  _mod_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _mod_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Update function for multi-precision AdamW optimizer: as _adamw_update on the float32 master copy weight32 with float32 moments (all updated in place); the output is weight32 cast to the weight's dtype.
   */
  _mp_adamw_update(weight?: NDArray | null, grad?: NDArray | null, mean?: NDArray | null, var_?: NDArray | null, weight32?: NDArray | null, rescale_grad?: NDArray | null, params?: { weight?: NDArray; grad?: NDArray; mean?: NDArray; var?: NDArray; weight32?: NDArray; rescale_grad?: NDArray; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; eta: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _mp_adamw_update(params: { weight?: NDArray; grad?: NDArray; mean?: NDArray; var?: NDArray; weight32?: NDArray; rescale_grad?: NDArray; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; eta: number; clip_gradient?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Multiplies two arrays of the same shape, elementwise.
   * (registry name: elemwise_mul)
   */
  _mul(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _mul(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Multiplies an array and a scalar, elementwise.
   */
  _mul_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _mul_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Updates num_weights weights and their moment estimates in one call, each exactly as _adamw_update (AdamW, decoupled weight decay) with its own learning rate, weight decay and schedule multiplier::   grad_i = clip(rescale_grad * grad_i)   mean_i = beta1 * mean_i + (1 - beta1) * grad_i
   */
  _multi_adamw_update(...args: Array<NDArray | NDArray[] | { lrs?: string; beta1?: number; beta2?: number; epsilon?: number; wds?: string; etas?: string; clip_gradient?: number; num_weights?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Updates num_weights weights and their moment estimates in one call, each exactly as _adamw_update (AdamW, decoupled weight decay) with its own learning rate, weight decay and schedule multiplier::   grad_i = clip(rescale_grad * grad_i)   mean_i = beta1 * mean_i + (1 - beta1) * grad_i
   */
  _multi_mp_adamw_update(...args: Array<NDArray | NDArray[] | { lrs?: string; beta1?: number; beta2?: number; epsilon?: number; wds?: string; etas?: string; clip_gradient?: number; num_weights?: number; out?: NDArray | NDArray[]; name?: string }>): NDArray | NDArray[];
  /**
   * Compares (!=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _not_equal(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _not_equal(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Compares (!=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _not_equal_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _not_equal_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Return the cumulative sum of the elements along a given axis. With axis None the sum runs over the flattened array and the output is 1-D. The output dtype is dtype when given, else the input's (int64 for bool); values are converted to it before they are summed.
   */
  _np_cumsum(a?: NDArray | null, params?: { a?: NDArray; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _np_cumsum(params: { a?: NDArray; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Batch normalization. Normalizes a data batch by mean and variance per channel (axis), and applies a scale gamma and offset beta: out = (data - mean) / sqrt(var + eps) * gamma + beta. In training (is_train and not use_global_stats) mean and var come from the batch and the auxiliary states are updated: moving_mean = moving_mean * momentum + mean * (1 - momentum), likewise moving_var with the biased batch variance; otherwise the moving statistics are used. fix_gamma treats gamma as 1. With output_mean_var the mean and the inverse std are also returned.
   * (registry name: BatchNorm)
   */
  _npx_batch_norm(data?: NDArray | null, gamma?: NDArray | null, beta?: NDArray | null, moving_mean?: NDArray | null, moving_var?: NDArray | null, params?: { data?: NDArray; gamma?: NDArray; beta?: NDArray; moving_mean?: NDArray; moving_var?: NDArray; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  _npx_batch_norm(params: { data?: NDArray; gamma?: NDArray; beta?: NDArray; moving_mean?: NDArray; moving_var?: NDArray; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Compute N-D convolution on (N+2)-D input (NCW, NCHW or NCDHW). out[n, f] = bias[f] + sum over c, window of weight[f, c] * data[n, c]; the output spatial size is floor((x + 2*pad - dilate*(kernel-1) - 1) / stride) + 1. weight has shape (num_filter, channels / num_group, *kernel) and bias (num_filter,). With num_group > 1 the channels are split into independent groups.
   * (registry name: Convolution)
   */
  _npx_convolution(data?: NDArray | null, weight?: NDArray | null, bias?: NDArray | null, params?: { data?: NDArray; weight?: NDArray; bias?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _npx_convolution(params: { data?: NDArray; weight?: NDArray; bias?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes 1-D, 2-D or 3-D transposed convolution (aka fractionally strided convolution) of the input tensor: the gradient of Convolution with respect to its data. The output spatial size is stride*(x-1) + dilate*(kernel-1) + 1 - 2*pad + adj, or target_shape when given. weight has shape (channels, num_filter / num_group, *kernel) and bias (num_filter,).
   * (registry name: Deconvolution)
   */
  _npx_deconvolution(data?: NDArray | null, weight?: NDArray | null, bias?: NDArray | null, params?: { data?: NDArray; weight?: NDArray; bias?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _npx_deconvolution(params: { data?: NDArray; weight?: NDArray; bias?: NDArray; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Layer normalization. Normalizes the channels of the input along the given axis: out = (data - mean(data, axis)) / sqrt(var(data, axis) + eps) * gamma + beta, with gamma and beta of shape (data.shape[axis],). With output_mean_var the mean and std (sqrt(var + eps)) are also returned, with the axis kept as size 1.
   * (registry name: LayerNorm)
   */
  _npx_layer_norm(data?: NDArray | null, gamma?: NDArray | null, beta?: NDArray | null, params?: { data?: NDArray; gamma?: NDArray; beta?: NDArray; axis?: number; eps?: number; output_mean_var?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  _npx_layer_norm(params: { data?: NDArray; gamma?: NDArray; beta?: NDArray; axis?: number; eps?: number; output_mean_var?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Performs pooling on the input (NCW, NCHW or NCDHW). pool_type: max, avg (divides by the padded window size unless count_include_pad is False), sum, or lp ((sum x^p)^(1/p), p_value 1, 2 or 3). Output size per spatial dim: valid: floor((x + 2*pad - kernel) / stride) + 1; full: the same with ceil; same: ceil(x / stride). global_pool pools each whole feature map to size 1.
   * (registry name: Pooling)
   */
  _npx_pooling(data?: NDArray | null, params?: { data?: NDArray; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _npx_pooling(params: { data?: NDArray; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * One-hot rows: output, shaped and typed like rhs (rows, columns), is 1 at [i, lhs[i]] and 0 elsewhere; lhs (rows,) holds 0-based indices in [0, columns). rhs only gives the shape and dtype (MXNet's legacy op; one_hot is the general one).
   */
  _onehot_encode(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _onehot_encode(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * An array of ones.
   */
  _ones(params?: { shape?: number[] | number; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Adds two arrays of the same shape, elementwise.
   * (registry name: elemwise_add)
   */
  _plus(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _plus(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Adds an array and a scalar, elementwise.
   */
  _plus_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _plus_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Raises to a power two arrays of the same shape, elementwise.
   */
  _power(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _power(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Raises to a power an array and a scalar, elementwise.
   */
  _power_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _power_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam).
   */
  _random_exponential(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_exponential_like(data?: NDArray | null, params?: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_exponential_like(params: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta.
   */
  _random_gamma(params?: { alpha?: number; beta?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_gamma_like(data?: NDArray | null, params?: { data?: NDArray; alpha?: number; beta?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_gamma_like(params: { data?: NDArray; alpha?: number; beta?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2; alpha 0 is Poisson(mu)).
   */
  _random_generalized_negative_binomial(params?: { mu?: number; alpha?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_generalized_negative_binomial_like(data?: NDArray | null, params?: { data?: NDArray; mu?: number; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_generalized_negative_binomial_like(params: { data?: NDArray; mu?: number; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the negative binomial distribution, as floats: the number of failures before k successes, each of probability p (mean k(1-p)/p).
   */
  _random_negative_binomial(params?: { k?: number; p?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the negative binomial distribution, as floats: the failures before k successes of probability p, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_negative_binomial_like(data?: NDArray | null, params?: { data?: NDArray; k?: number; p?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_negative_binomial_like(params: { data?: NDArray; k?: number; p?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the normal distribution N(loc, scale^2).
   */
  _random_normal(params?: { loc?: number; scale?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the normal distribution N(loc, scale^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_normal_like(data?: NDArray | null, params?: { data?: NDArray; loc?: number; scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_normal_like(params: { data?: NDArray; loc?: number; scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under Dirichlet distributions: alpha (P..., k) holds one distribution's concentrations (> 0) per row of its last axis, sample has shape P + (draws...) + (k,), and the output P + (draws...) holds the density of each k-vector (not projected onto the simplex; a negative component gives 0). With is_log, the log-density. The gradient reaches sample and alpha.
   */
  _random_pdf_dirichlet(sample?: NDArray | null, alpha?: NDArray | null, params?: { sample?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_pdf_dirichlet(params: { sample?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under exponential distributions with rates lam (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_exponential(sample?: NDArray | null, lam?: NDArray | null, params?: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_pdf_exponential(params: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under gamma distributions with shapes alpha (> 0) and rates beta (> 0): beta^alpha x^(alpha-1) e^(-beta x) / Gamma(alpha), the values MXNet 1.9 computes, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_gamma(sample?: NDArray | null, alpha?: NDArray | null, beta?: NDArray | null, params?: { sample?: NDArray; alpha?: NDArray; beta?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_pdf_gamma(params: { sample?: NDArray; alpha?: NDArray; beta?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under generalized negative binomial distributions with means mu (>= 0) and dispersions alpha (>= 0; 0 is Poisson(mu)), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_generalized_negative_binomial(sample?: NDArray | null, mu?: NDArray | null, alpha?: NDArray | null, params?: { sample?: NDArray; mu?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_pdf_generalized_negative_binomial(params: { sample?: NDArray; mu?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under negative binomial distributions: the number of failures x before k (> 0) successes of probability p (in (0, 1]), C(x+k-1, x) p^k (1-p)^x, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_negative_binomial(sample?: NDArray | null, k?: NDArray | null, p?: NDArray | null, params?: { sample?: NDArray; k?: NDArray; p?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_pdf_negative_binomial(params: { sample?: NDArray; k?: NDArray; p?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under normal distributions with means mu and standard deviations sigma (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_normal(sample?: NDArray | null, mu?: NDArray | null, sigma?: NDArray | null, params?: { sample?: NDArray; mu?: NDArray; sigma?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_pdf_normal(params: { sample?: NDArray; mu?: NDArray; sigma?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under Poisson distributions with means lam (>= 0; samples need not be whole: Gamma-function form), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_poisson(sample?: NDArray | null, lam?: NDArray | null, params?: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_pdf_poisson(params: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under uniform distributions on [low, high] (low < high), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_uniform(sample?: NDArray | null, low?: NDArray | null, high?: NDArray | null, params?: { sample?: NDArray; low?: NDArray; high?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_pdf_uniform(params: { sample?: NDArray; low?: NDArray; high?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the Poisson distribution with mean lam (as floats).
   */
  _random_poisson(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the Poisson distribution with mean lam (as floats), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_poisson_like(data?: NDArray | null, params?: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_poisson_like(params: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples integers uniformly from [low, high).
   */
  _random_randint(params?: { low: number; high: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "int32" | "int64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the uniform distribution on [low, high).
   */
  _random_uniform(params?: { low?: number; high?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the uniform distribution on [low, high), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_uniform_like(data?: NDArray | null, params?: { data?: NDArray; low?: number; high?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _random_uniform_like(params: { data?: NDArray; low?: number; high?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Converts a batch of index arrays into an array of flat indices. data is (len(shape), N): column i holds one multi-index; the output (N,) holds sum_k data[k, i] * prod(shape[k+1:]). The output has data's dtype; indices are not range-checked (as MXNet).
   */
  _ravel_multi_index(data?: NDArray | null, params?: { data?: NDArray; shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _ravel_multi_index(params: { data?: NDArray; shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) a scalar and an array (scalar first), elementwise.
   */
  _rdiv_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _rdiv_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Subtracts a scalar and an array (scalar first), elementwise.
   */
  _rminus_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _rminus_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Takes the modulo (sign of the divisor, like Python) of a scalar and an array (scalar first), elementwise.
   */
  _rmod_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _rmod_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Raises to a power a scalar and an array (scalar first), elementwise.
   */
  _rpower_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _rpower_scalar(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from exponential distributions with rates lam (means 1/lam), one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_exponential(lam?: NDArray | null, params?: { lam?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _sample_exponential(params: { lam?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from gamma distributions with shapes alpha (>= 0; 0 gives 0) and scales beta, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_gamma(alpha?: NDArray | null, beta?: NDArray | null, params?: { alpha?: NDArray; beta?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _sample_gamma(params: { alpha?: NDArray; beta?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from generalized negative binomial distributions, as floats, with means mu and dispersions alpha (>= 0; 0 is Poisson): variance mu + alpha mu^2, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_generalized_negative_binomial(mu?: NDArray | null, alpha?: NDArray | null, params?: { mu?: NDArray; alpha?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _sample_generalized_negative_binomial(params: { mu?: NDArray; alpha?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws outcome indices from multinomial (categorical) distributions: data (..., k) holds one distribution over k outcomes per row of its last axis, and must sum to 1 along it. The draws have shape data.shape[:-1] + shape (one draw per row when shape is ()). With get_prob, a second output holds the log-probability of each draw (data's dtype), whose gradient reaches data.
   */
  _sample_multinomial(data?: NDArray | null, params?: { data?: NDArray; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  _sample_multinomial(params: { data?: NDArray; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Draws from negative binomial distributions, as floats: the number of failures before k (>= 0, need not be whole) successes of probability p (in (0, 1]); mean k(1-p)/p, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_negative_binomial(k?: NDArray | null, p?: NDArray | null, params?: { k?: NDArray; p?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _sample_negative_binomial(params: { k?: NDArray; p?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from normal distributions with means mu and standard deviations sigma, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_normal(mu?: NDArray | null, sigma?: NDArray | null, params?: { mu?: NDArray; sigma?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _sample_normal(params: { mu?: NDArray; sigma?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from Poisson distributions with means lam (lam <= 0 gives 0), as floats, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_poisson(lam?: NDArray | null, params?: { lam?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _sample_poisson(params: { lam?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws from uniform distributions on [low, high), one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_uniform(low?: NDArray | null, high?: NDArray | null, params?: { low?: NDArray; high?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _sample_uniform(params: { low?: NDArray; high?: NDArray; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws, for each of shape[0] rows, shape[1] distinct classes in [0, range_max) from the log-uniform (Zipfian) distribution P(v) = log((v + 2) / (v + 1)) / log(range_max + 1), redrawing repeats. Outputs the samples (shape, int64) and num_tries (shape[0],), int64: the draws each row took (for sampled-softmax corrections).
   */
  _sample_unique_zipfian(params?: { range_max: number; shape?: number[] | number | null; ctx?: Context | string; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Randomly permutes data along its first axis (rows keep their contents); the permutation comes from the random generator, so mx.random.seed makes it reproducible. Any dtype; not differentiable.
   */
  _shuffle(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _shuffle(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * lhs with the slice begin/end/step replaced by rhs (x[...] = y).
   */
  _slice_assign(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _slice_assign(params: { lhs?: NDArray; rhs?: NDArray; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * data with the slice begin/end/step set to scalar (x[...] = v).
   */
  _slice_assign_scalar(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _slice_assign_scalar(params: { data?: NDArray; scalar?: number; begin: number[] | number; end: number[] | number; step?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Splits data along axis into parts (mx.nd.split_v2 / mx.sym.split_v2 call it). sections > 0: that many parts, sizes as numpy.array_split (the first len % sections one longer). Else indices (starting with 0, non-decreasing) are the parts' first positions: part k is [indices[k], indices[k+1]) and the last runs to the end. squeeze_axis drops the axis from parts of length 1 (every part must have length 1).
   */
  _split_v2(data?: NDArray | null, params?: { data?: NDArray; indices?: number[] | number; axis?: number; squeeze_axis?: boolean; sections?: number; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  _split_v2(params: { data?: NDArray; indices?: number[] | number; axis?: number; squeeze_axis?: boolean; sections?: number; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Subtracts two arrays of the same shape, elementwise.
   * (registry name: elemwise_sub)
   */
  _sub(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _sub(params: { lhs?: NDArray; rhs?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Converts an array of flat indices into a batch of index arrays. The output is (len(shape),) + data.shape: for each flat index v, the multi-index with v = sum_k out[k] * prod(shape[k+1:]); the first coordinate is not wrapped. The output has data's dtype.
   */
  _unravel_index(data?: NDArray | null, params?: { data?: NDArray; shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  _unravel_index(params: { data?: NDArray; shape?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * An array of zeros.
   */
  _zeros(params?: { shape?: number[] | number; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray;
}

export interface NdContribOps {
  /**
   * Adaptive average pooling: averages each (batch, channel) plane of data (batch, channel, height, width) over an output_size grid of bins. Output bin (i, j) of (Ho, Wo) averages input rows [floor(i H / Ho), ceil((i + 1) H / Ho)) and columns [floor(j W / Wo), ceil((j + 1) W / Wo)); bins overlap when the input size is not a multiple of the output size, and an output larger than the input repeats pixels. The gradient gives each pixel the sum of its bins' gradients over their areas.
   * (registry name: _contrib_AdaptiveAvgPooling2D)
   */
  AdaptiveAvgPooling2D(data?: NDArray | null, params?: { data?: NDArray; output_size?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  AdaptiveAvgPooling2D(params: { data?: NDArray; output_size?: number[] | number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Resizes images by bilinear interpolation. data is (batch, channel, height, width); the output keeps batch and channel and takes the height and width that `mode` picks (see its description). Each output pixel blends the four input pixels around its source point: with align_corners=True output pixel o of n_out reads o * (n_in - 1) / (n_out - 1), with False (o + 0.5) * n_in / n_out - 0.5 (at least 0); an output axis of size 1 reads the first pixel. In mode 'like' the second input `like` gives the output height and width (its gradient is zero). The gradient spreads each output gradient over its four source pixels with the blend's weights.
   * (registry name: _contrib_BilinearResize2D)
   */
  BilinearResize2D(data?: NDArray | null, like?: NDArray | null, params?: { data?: NDArray; like?: NDArray; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  BilinearResize2D(params: { data?: NDArray; like?: NDArray; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   */
  CTCLoss(data?: NDArray | null, label?: NDArray | null, data_lengths?: NDArray | null, label_lengths?: NDArray | null, params?: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  CTCLoss(params: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * SSD detection output: decodes, scores and suppresses the anchors' predictions. cls_prob (batch, classes, A) holds class probabilities, loc_pred (batch, A * 4) box offsets, anchor (1, A, 4) the anchors (corners). Per anchor the best class other than background_id gives the id (counted among the non-background classes) and score; below threshold the anchor has no detection. Boxes decode as box_decode does with std = variances (and clip to [0, 1] when clip). The detections, best score first (ties in anchor order), then go through NMS over the first nms_topk (nms_topk > 0): a kept detection suppresses later ones of its class (of any class with force_suppress) whose IoU is at least nms_threshold. Output (batch, A, 6) rows (id, score, xmin, ymin, xmax, ymax) in that order; suppressed detections and those beyond nms_topk keep their row with id -1, anchors without a detection give rows of -1 at the end. (MXNet 1.9 always treats class 0 as the background and writes wrong rows beyond nms_topk; mxlite honours background_id and keeps those rows.) The gradient is zero.
   * (registry name: _contrib_MultiBoxDetection)
   */
  MultiBoxDetection(cls_prob?: NDArray | null, loc_pred?: NDArray | null, anchor?: NDArray | null, params?: { cls_prob?: NDArray; loc_pred?: NDArray; anchor?: NDArray; clip?: boolean; threshold?: number; background_id?: number; nms_threshold?: number; force_suppress?: boolean; variances?: string; nms_topk?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  MultiBoxDetection(params: { cls_prob?: NDArray; loc_pred?: NDArray; anchor?: NDArray; clip?: boolean; threshold?: number; background_id?: number; nms_threshold?: number; force_suppress?: boolean; variances?: string; nms_topk?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Generates SSD anchor boxes (priors) for a feature map. For data (batch, channel, H, W) the output (1, H * W * A, 4) holds, cell by cell (row-major) and A = len(sizes) + len(ratios) - 1 anchors per cell, corner boxes (xmin, ymin, xmax, ymax) as fractions of the image: centred at ((x + offsets[1]) * step_x, (y + offsets[0]) * step_y), one anchor per size with ratios[0], then one per further ratio with sizes[0]; an anchor of size s and ratio r is s * H / W * sqrt(r) wide and s / sqrt(r) high. Only data's shape is used; the gradient is zero.
   * (registry name: _contrib_MultiBoxPrior)
   */
  MultiBoxPrior(data?: NDArray | null, params?: { data?: NDArray; sizes?: string; ratios?: string; clip?: boolean; steps?: string; offsets?: string; out?: NDArray | NDArray[]; name?: string }): NDArray;
  MultiBoxPrior(params: { data?: NDArray; sizes?: string; ratios?: string; clip?: boolean; steps?: string; offsets?: string; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * SSD training targets: matches anchors to ground-truth boxes. anchor (1, A, 4) holds corner anchors, label (batch, L, 5 or more) rows (class, xmin, ymin, xmax, ymax) -- a sample's ground truths are its rows up to the first of class -1 -- and cls_pred (batch, classes, A) the class scores (used by negative mining). Each ground truth in turn takes the free anchor of highest IoU (the best pair overall first, while that IoU exceeds 1e-6); every other anchor whose best IoU exceeds overlap_threshold matches its best ground truth. Matched anchors are positives: cls_target is their class + 1, loc_target their box encoding (box_encode's, with zero means and std = variances) and loc_mask 1. Without mining (negative_mining_ratio <= 0) every other anchor is a negative (cls_target 0); with it, of the unmatched anchors whose best IoU is below negative_mining_thresh, those of lowest background probability (softmax of cls_pred) become negatives, max(positives * ratio, minimum_negative_samples) of them at most, and the rest get ignore_label. (MXNet 1.9 ignores minimum_negative_samples and aborts when fewer candidates exist than wanted; mxlite takes them all.) Outputs: loc_target and loc_mask (batch, A * 4), cls_target (batch, A). The gradient is zero.
   * (registry name: _contrib_MultiBoxTarget)
   */
  MultiBoxTarget(anchor?: NDArray | null, label?: NDArray | null, cls_pred?: NDArray | null, params?: { anchor?: NDArray; label?: NDArray; cls_pred?: NDArray; overlap_threshold?: number; ignore_label?: number; negative_mining_ratio?: number; negative_mining_thresh?: number; minimum_negative_samples?: number; variances?: string; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  MultiBoxTarget(params: { anchor?: NDArray; label?: NDArray; cls_pred?: NDArray; overlap_threshold?: number; ignore_label?: number; negative_mining_ratio?: number; negative_mining_thresh?: number; minimum_negative_samples?: number; variances?: string; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Region of interest align pooling (Mask R-CNN): pools each roi of a feature map into pooled_size bins without quantising coordinates. data is (batch, channels, height, width); rois (num_rois, 5) rows (batch index, x1, y1, x2, y2) in image pixels, mapped onto data by spatial_scale (minus half a pixel when aligned). Each bin averages bilinear samples at the centres of a sample_ratio x sample_ratio grid over it (when sample_ratio <= 0, ceil(bin size) per axis); samples more than a pixel outside the map read 0, those within clamp to the border. Without aligned an roi is at least one pixel wide and high. A roi with a negative batch index gives 0 (MXNet 1.9 writes garbage there); an empty aligned roi gives 0 (MXNet aborts). Output (num_rois, channels, ph, pw), or channels / (ph * pw) with position_sensitive. The gradient reaches data; rois get 0.
   * (registry name: _contrib_ROIAlign)
   */
  ROIAlign(data?: NDArray | null, rois?: NDArray | null, params?: { data?: NDArray; rois?: NDArray; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  ROIAlign(params: { data?: NDArray; rois?: NDArray; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Whether every element of a is close to the one of b: |a - b| <= atol + rtol * |b| (numpy.allclose, not symmetric). a and b must have the same shape. The output is a uint8 scalar (shape ()), 1 or 0; NaNs compare equal when equal_nan is true.
   * (registry name: _contrib_allclose)
   */
  allclose(a?: NDArray | null, b?: NDArray | null, params?: { a?: NDArray; b?: NDArray; rtol?: number; atol?: number; equal_nan?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  allclose(params: { a?: NDArray; b?: NDArray; rtol?: number; atol?: number; equal_nan?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Evenly spaced values shaped like data (or, with axis, like data's axis): element i is start + floor(i / repeat) * step, in data's dtype. The gradient with respect to data is zero.
   * (registry name: _contrib_arange_like)
   */
  arange_like(data?: NDArray | null, params?: { data?: NDArray; start?: number; step?: number; repeat?: number; ctx?: Context | string; axis?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  arange_like(params: { data?: NDArray; start?: number; step?: number; repeat?: number; ctx?: Context | string; axis?: number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Greedy bipartite matching of rows to columns by score. data (..., N, M) holds a score per (row, column) pair. Visiting the pairs from the best score (highest, or lowest with is_ascend; equal scores in row-major order) while the score is beyond threshold (above it, or below with is_ascend), a pair whose row and column are both still free is matched, at most topk matches when topk > 0. Outputs: the column matched to each row (..., N) and the row matched to each column (..., M), -1 where none. (MXNet 1.9 allows topk + 1 matches; mxlite keeps to the documented topk.) The gradient is zero.
   * (registry name: _contrib_bipartite_matching)
   */
  bipartite_matching(data?: NDArray | null, params?: { data?: NDArray; is_ascend?: boolean; threshold: number; topk?: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  bipartite_matching(params: { data?: NDArray; is_ascend?: boolean; threshold: number; topk?: number; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Keeps the slices of data along axis whose index value is non-zero: index is 1-D with one value per position of that axis (any dtype). The output has data's shape with that axis shortened to the count of non-zero values (possibly 0). The output's shape depends on index's values, so the op runs imperatively (mx.nd) only: a symbol cannot infer it. The gradient reaches data (zero on the dropped slices).
   * (registry name: _contrib_boolean_mask)
   */
  boolean_mask(data?: NDArray | null, index?: NDArray | null, params?: { data?: NDArray; index?: NDArray; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  boolean_mask(params: { data?: NDArray; index?: NDArray; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Decodes predicted box offsets against anchors (the inverse of box_encode with zero means). data (B, N, 4) holds offsets, anchors (1, N, 4) the anchors in `format`. Output (B, N, 4), corners: centre (ax + data[0] * std0 * aw, ay + data[1] * std1 * ah) and size (aw * exp(data[2] * std2), ah * exp(data[3] * std3)), each exponent first clipped to clip when clip > 0. The gradient is zero, as in MXNet.
   * (registry name: _contrib_box_decode)
   */
  box_decode(data?: NDArray | null, anchors?: NDArray | null, params?: { data?: NDArray; anchors?: NDArray; std0?: number; std1?: number; std2?: number; std3?: number; clip?: number; format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  box_decode(params: { data?: NDArray; anchors?: NDArray; std0?: number; std1?: number; std2?: number; std3?: number; clip?: number; format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Encodes the regression targets of matched anchors (SSD / Faster R-CNN box encoding). samples (B, N): > 0.5 marks a positive anchor; matches (B, N): the index of its reference box in refs; anchors (B, N, 4) and refs (B, M, 4) as corners; means and stds (4,). For a positive anchor the target is (((gx - ax) / aw, (gy - ay) / ah, log(gw / aw), log(gh / ah)) - means) / stds, from the centres and sizes of reference g and anchor a, and its mask is 1; other anchors get target and mask 0. Outputs: targets and masks, both (B, N, 4). A positive sample whose match does not index refs is an error. The gradient is zero.
   * (registry name: _contrib_box_encode)
   */
  box_encode(samples?: NDArray | null, matches?: NDArray | null, anchors?: NDArray | null, refs?: NDArray | null, means?: NDArray | null, stds?: NDArray | null, params?: { samples?: NDArray; matches?: NDArray; anchors?: NDArray; refs?: NDArray; means?: NDArray; stds?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  box_encode(params: { samples?: NDArray; matches?: NDArray; anchors?: NDArray; refs?: NDArray; means?: NDArray; stds?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Intersection over union of every pair of boxes: lhs (..., 4) and rhs (..., 4) give an output of shape lhs.shape[:-1] + rhs.shape[:-1]. Pairs that do not overlap, and empty or inverted boxes, give 0. As in MXNet the gradient is zero.
   * (registry name: _contrib_box_iou)
   */
  box_iou(lhs?: NDArray | null, rhs?: NDArray | null, params?: { lhs?: NDArray; rhs?: NDArray; format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  box_iou(params: { lhs?: NDArray; rhs?: NDArray; format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Non-maximum suppression of boxes. data is (..., N, K): N rows of K values per batch, each holding 4 box coordinates from coord_start, a score at score_index and optionally a class id at id_index. Rows whose score does not exceed valid_thresh, and with id_index those of class background_id, are dropped; of the rest, only the topk best-scoring take part (topk > 0). Visiting them from the best score down (equal scores in row order), each row not yet suppressed is kept and suppresses every later row whose IoU with it exceeds overlap_thresh (with id_index and force_suppress=False, only rows of its own class). The output has data's shape: the kept rows, best first, their coordinates converted from in_format to out_format, then rows of -1. The gradient of each kept output row goes back to the input row it came from; dropped and suppressed rows get 0.
   * (registry name: _contrib_box_nms)
   */
  box_nms(data?: NDArray | null, params?: { data?: NDArray; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  box_nms(params: { data?: NDArray; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Non-maximum suppression of boxes. data is (..., N, K): N rows of K values per batch, each holding 4 box coordinates from coord_start, a score at score_index and optionally a class id at id_index. Rows whose score does not exceed valid_thresh, and with id_index those of class background_id, are dropped; of the rest, only the topk best-scoring take part (topk > 0). Visiting them from the best score down (equal scores in row order), each row not yet suppressed is kept and suppresses every later row whose IoU with it exceeds overlap_thresh (with id_index and force_suppress=False, only rows of its own class). The output has data's shape: the kept rows, best first, their coordinates converted from in_format to out_format, then rows of -1. The gradient of each kept output row goes back to the input row it came from; dropped and suppressed rows get 0.
   * (registry name: _contrib_box_nms)
   */
  box_non_maximum_suppression(data?: NDArray | null, params?: { data?: NDArray; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  box_non_maximum_suppression(params: { data?: NDArray; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   * (registry name: CTCLoss)
   */
  ctc_loss(data?: NDArray | null, label?: NDArray | null, data_lengths?: NDArray | null, label_lengths?: NDArray | null, params?: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  ctc_loss(params: { data?: NDArray; label?: NDArray; data_lengths?: NDArray; label_lengths?: NDArray; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Divides data by the square root of the size of its last axis (attention score scaling). Integer dtypes keep their dtype (the quotient truncates).
   * (registry name: _contrib_div_sqrt_dim)
   */
  div_sqrt_dim(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  div_sqrt_dim(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Identity in the forward pass; multiplies the gradient by scalar in the backward pass (e.g. -1 for a gradient reversal layer).
   * (registry name: _contrib_gradientmultiplier)
   */
  gradientmultiplier(data?: NDArray | null, params?: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  gradientmultiplier(params: { data?: NDArray; scalar?: number; is_int?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The index of every element of data: output (*data.shape, len(axes)) int64 holds, at each position, its coordinates along axes (default: all axes, in order). Not differentiable (its output is integer).
   * (registry name: _contrib_index_array)
   */
  index_array(data?: NDArray | null, params?: { data?: NDArray; axes?: number[] | number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  index_array(params: { data?: NDArray; axes?: number[] | number | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Copies the rows of new_tensor into old_tensor at the row positions index_vector gives: output[index[j]] = new_tensor[j], the other rows as old_tensor's. Indices must be in [0, len(old_tensor)). The gradient reaches old_tensor (zero on the replaced rows) and new_tensor (the replaced rows of ograd).
   * (registry name: _contrib_index_copy)
   */
  index_copy(old_tensor?: NDArray | null, index_vector?: NDArray | null, new_tensor?: NDArray | null, params?: { old_tensor?: NDArray; index_vector?: NDArray; new_tensor?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  index_copy(params: { old_tensor?: NDArray; index_vector?: NDArray; new_tensor?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Encoder-decoder attention scores from interleaved projections. queries is (query_length, batch, heads * head_dim); keys_values (key_length, batch, heads * 2 * head_dim), the key and value of each head side by side. The output (batch * heads, query_length, key_length) holds (q / sqrt(head_dim)) k^T per head.
   * (registry name: _contrib_interleaved_matmul_encdec_qk)
   */
  interleaved_matmul_encdec_qk(queries?: NDArray | null, keys_values?: NDArray | null, params?: { queries?: NDArray; keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  interleaved_matmul_encdec_qk(params: { queries?: NDArray; keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Encoder-decoder attention output from interleaved keys/values and attention weights. keys_values is (key_length, batch, heads * 2 * head_dim) as for interleaved_matmul_encdec_qk; attention (batch * heads, query_length, key_length). The output (query_length, batch, heads * head_dim) holds attention v per head, the heads side by side.
   * (registry name: _contrib_interleaved_matmul_encdec_valatt)
   */
  interleaved_matmul_encdec_valatt(keys_values?: NDArray | null, attention?: NDArray | null, params?: { keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  interleaved_matmul_encdec_valatt(params: { keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Self-attention scores from interleaved projections. queries_keys_values is (seq_length, batch, heads * 3 * head_dim), the query, key and value of each head side by side. The output (batch * heads, seq_length, seq_length) holds, for head h of sample b at row b * heads + h, (q / sqrt(head_dim)) k^T.
   * (registry name: _contrib_interleaved_matmul_selfatt_qk)
   */
  interleaved_matmul_selfatt_qk(queries_keys_values?: NDArray | null, params?: { queries_keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  interleaved_matmul_selfatt_qk(params: { queries_keys_values?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Self-attention output from interleaved projections and attention weights. queries_keys_values is (seq_length, batch, heads * 3 * head_dim) as for interleaved_matmul_selfatt_qk; attention (batch * heads, seq_length, seq_length). The output (seq_length, batch, heads * head_dim) holds attention v per head, the heads side by side.
   * (registry name: _contrib_interleaved_matmul_selfatt_valatt)
   */
  interleaved_matmul_selfatt_valatt(queries_keys_values?: NDArray | null, attention?: NDArray | null, params?: { queries_keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  interleaved_matmul_selfatt_valatt(params: { queries_keys_values?: NDArray; attention?: NDArray; heads: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * a * x^2 + b * x + c for every element x of data.
   * (registry name: _contrib_quadratic)
   */
  quadratic(data?: NDArray | null, params?: { data?: NDArray; a?: number; b?: number; c?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  quadratic(params: { data?: NDArray; a?: number; b?: number; c?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Rounds to the nearest integer (halves away from zero) with a straight-through gradient: the gradient passes unchanged, as if the op were the identity.
   * (registry name: _contrib_round_ste)
   */
  round_ste(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  round_ste(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The sign (-1, 0 or 1) with a straight-through gradient: the gradient passes unchanged, as if the op were the identity.
   * (registry name: _contrib_sign_ste)
   */
  sign_ste(data?: NDArray | null, params?: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sign_ste(params: { data?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
}

export interface NdLinalgOps {
  /**
   * Computes the determinant of a matrix: out = det(A). A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. Computed from an LU factorization with partial pivoting; a singular matrix gives 0 (and a zero gradient). float32 and float64.
   * (registry name: _linalg_det)
   */
  det(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  det(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Extracts the diagonal entries of a square matrix. A has shape (..., n, n); out has shape (..., n - |offset|): the diagonal at `offset` (above the main one when positive, below it when negative). float32 and float64.
   * (registry name: _linalg_extractdiag)
   */
  extractdiag(A?: NDArray | null, params?: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  extractdiag(params: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Extracts a triangular sub-matrix from a square matrix, packed into a vector. A has shape (..., n, n); out has shape (..., m (m + 1) / 2) with m = n - |offset|. offset < 0 takes the triangle below the diagonal at `offset`, offset > 0 the one above it, offset = 0 the lower (lower=True) or upper triangle with the diagonal. A lower triangle is packed row by row, an upper one column by column. float32 and float64.
   * (registry name: _linalg_extracttrian)
   */
  extracttrian(A?: NDArray | null, params?: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  extracttrian(params: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * LQ factorization for general matrix: A = L * Q, outputs (Q, L). A has shape (..., m, n) with m <= n; Q has shape (..., m, n) with orthonormal rows, L shape (..., m, m), lower triangular. Householder reflections with LAPACK's sign conventions (L's diagonal may be negative). float32 and float64.
   * (registry name: _linalg_gelqf)
   */
  gelqf(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  gelqf(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Performs general matrix multiplication and accumulation: out = alpha * op(A) * op(B) + beta * C, op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A, B and C. float32 and float64.
   * (registry name: _linalg_gemm)
   */
  gemm(A?: NDArray | null, B?: NDArray | null, C?: NDArray | null, params?: { A?: NDArray; B?: NDArray; C?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  gemm(params: { A?: NDArray; B?: NDArray; C?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs general matrix multiplication: out = alpha * op(A) * op(B), op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A and B. float32 and float64.
   * (registry name: _linalg_gemm2)
   */
  gemm2(A?: NDArray | null, B?: NDArray | null, params?: { A?: NDArray; B?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  gemm2(params: { A?: NDArray; B?: NDArray; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes the inverse of a matrix: out = A^-1. A has shape (..., n, n): the matrices are on the last two axes and every leading axis is a batch axis. A singular matrix is an error. float32 and float64.
   * (registry name: _linalg_inverse)
   */
  inverse(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  inverse(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Constructs a square matrix with the input as diagonal. A has shape (..., k); out has shape (..., n, n) with n = k + |offset|, zero except the diagonal at `offset`, which holds A. float32 and float64.
   * (registry name: _linalg_makediag)
   */
  makediag(A?: NDArray | null, params?: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  makediag(params: { A?: NDArray; offset?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Constructs a square matrix from a packed triangle (the inverse of _linalg_extracttrian). A has shape (..., k) with k = m (m + 1) / 2; out has shape (..., n, n) with n = m + |offset|, zero outside the triangle that offset and lower name (see _linalg_extracttrian). float32 and float64.
   * (registry name: _linalg_maketrian)
   */
  maketrian(A?: NDArray | null, params?: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  maketrian(params: { A?: NDArray; offset?: number; lower?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs Cholesky factorization of a symmetric positive-definite matrix: out = L, the lower triangular matrix with A = L * L^T. Only the lower triangle of A is read; the upper triangle of out is zero. A has shape (..., n, n). A matrix that is not positive definite is an error. The gradient is symmetric (A is taken as symmetric). float32 and float64.
   * (registry name: _linalg_potrf)
   */
  potrf(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  potrf(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs matrix inversion from a Cholesky factorization: out = (A * A^T)^-1 for A the lower triangular factor that _linalg_potrf returns. Only the lower triangle of A is read. A has shape (..., n, n). A zero on A's diagonal is an error. float32 and float64.
   * (registry name: _linalg_potri)
   */
  potri(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  potri(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Computes the sign and the natural logarithm of the absolute value of the determinant of a matrix: (sign, logabsdet) with det(A) = sign * exp(logabsdet). A has shape (..., n, n); both outputs have the batch shape (...), or (1,) for a single matrix. A singular matrix gives sign 0 and logabsdet -inf. Only logabsdet has a gradient (A^-T). float32 and float64.
   * (registry name: _linalg_slogdet)
   */
  slogdet(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  slogdet(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Computes the sum of the logarithms of the diagonal elements of a square matrix. A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. A negative diagonal element gives nan. float32 and float64.
   * (registry name: _linalg_sumlogdiag)
   */
  sumlogdiag(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  sumlogdiag(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Eigendecomposition for symmetric matrix: A = U^T * diag(lambda) * U, outputs (U, lambda). A has shape (..., n, n) and is taken as symmetric (its lower triangle is read). U has shape (..., n, n), its rows the orthonormal eigenvectors, each with its largest-magnitude entry positive; lambda has shape (..., n), ascending. Computed by cyclic Jacobi rotations. The gradient assumes distinct eigenvalues. float32 and float64.
   * (registry name: _linalg_syevd)
   */
  syevd(A?: NDArray | null, params?: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  syevd(params: { A?: NDArray; out?: NDArray | NDArray[]; name?: string }): NDArray[];
  /**
   * Multiplication of a matrix with its transpose: out = alpha * A * A^T, or alpha * A^T * A with transpose=True. A has shape (..., m, n); out has shape (..., m, m), or (..., n, n) with transpose=True. float32 and float64.
   * (registry name: _linalg_syrk)
   */
  syrk(A?: NDArray | null, params?: { A?: NDArray; transpose?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  syrk(params: { A?: NDArray; transpose?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Performs multiplication with a triangular matrix: out = alpha * op(A) * B, or alpha * B * op(A) with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. float32 and float64.
   * (registry name: _linalg_trmm)
   */
  trmm(A?: NDArray | null, B?: NDArray | null, params?: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  trmm(params: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Solves a matrix equation with a triangular matrix: out = alpha * op(A)^-1 * B, or alpha * B * op(A)^-1 with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. A zero on A's diagonal gives inf/nan, as LAPACK's trsm. float32 and float64.
   * (registry name: _linalg_trsm)
   */
  trsm(A?: NDArray | null, B?: NDArray | null, params?: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  trsm(params: { A?: NDArray; B?: NDArray; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
}

export interface NdRandomOps {
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam).
   * (registry name: _random_exponential)
   */
  exponential(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_exponential_like)
   */
  exponential_like(data?: NDArray | null, params?: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  exponential_like(params: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta.
   * (registry name: _random_gamma)
   */
  gamma(params?: { alpha?: number; beta?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_gamma_like)
   */
  gamma_like(data?: NDArray | null, params?: { data?: NDArray; alpha?: number; beta?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  gamma_like(params: { data?: NDArray; alpha?: number; beta?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2; alpha 0 is Poisson(mu)).
   * (registry name: _random_generalized_negative_binomial)
   */
  generalized_negative_binomial(params?: { mu?: number; alpha?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_generalized_negative_binomial_like)
   */
  generalized_negative_binomial_like(data?: NDArray | null, params?: { data?: NDArray; mu?: number; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  generalized_negative_binomial_like(params: { data?: NDArray; mu?: number; alpha?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the negative binomial distribution, as floats: the number of failures before k successes, each of probability p (mean k(1-p)/p).
   * (registry name: _random_negative_binomial)
   */
  negative_binomial(params?: { k?: number; p?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the negative binomial distribution, as floats: the failures before k successes of probability p, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_negative_binomial_like)
   */
  negative_binomial_like(data?: NDArray | null, params?: { data?: NDArray; k?: number; p?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  negative_binomial_like(params: { data?: NDArray; k?: number; p?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the normal distribution N(loc, scale^2).
   * (registry name: _random_normal)
   */
  normal(params?: { loc?: number; scale?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the normal distribution N(loc, scale^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_normal_like)
   */
  normal_like(data?: NDArray | null, params?: { data?: NDArray; loc?: number; scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  normal_like(params: { data?: NDArray; loc?: number; scale?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under Dirichlet distributions: alpha (P..., k) holds one distribution's concentrations (> 0) per row of its last axis, sample has shape P + (draws...) + (k,), and the output P + (draws...) holds the density of each k-vector (not projected onto the simplex; a negative component gives 0). With is_log, the log-density. The gradient reaches sample and alpha.
   * (registry name: _random_pdf_dirichlet)
   */
  pdf_dirichlet(sample?: NDArray | null, alpha?: NDArray | null, params?: { sample?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  pdf_dirichlet(params: { sample?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under exponential distributions with rates lam (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_exponential)
   */
  pdf_exponential(sample?: NDArray | null, lam?: NDArray | null, params?: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  pdf_exponential(params: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under gamma distributions with shapes alpha (> 0) and rates beta (> 0): beta^alpha x^(alpha-1) e^(-beta x) / Gamma(alpha), the values MXNet 1.9 computes, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_gamma)
   */
  pdf_gamma(sample?: NDArray | null, alpha?: NDArray | null, beta?: NDArray | null, params?: { sample?: NDArray; alpha?: NDArray; beta?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  pdf_gamma(params: { sample?: NDArray; alpha?: NDArray; beta?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under generalized negative binomial distributions with means mu (>= 0) and dispersions alpha (>= 0; 0 is Poisson(mu)), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_generalized_negative_binomial)
   */
  pdf_generalized_negative_binomial(sample?: NDArray | null, mu?: NDArray | null, alpha?: NDArray | null, params?: { sample?: NDArray; mu?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  pdf_generalized_negative_binomial(params: { sample?: NDArray; mu?: NDArray; alpha?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under negative binomial distributions: the number of failures x before k (> 0) successes of probability p (in (0, 1]), C(x+k-1, x) p^k (1-p)^x, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_negative_binomial)
   */
  pdf_negative_binomial(sample?: NDArray | null, k?: NDArray | null, p?: NDArray | null, params?: { sample?: NDArray; k?: NDArray; p?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  pdf_negative_binomial(params: { sample?: NDArray; k?: NDArray; p?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under normal distributions with means mu and standard deviations sigma (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_normal)
   */
  pdf_normal(sample?: NDArray | null, mu?: NDArray | null, sigma?: NDArray | null, params?: { sample?: NDArray; mu?: NDArray; sigma?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  pdf_normal(params: { sample?: NDArray; mu?: NDArray; sigma?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under Poisson distributions with means lam (>= 0; samples need not be whole: Gamma-function form), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_poisson)
   */
  pdf_poisson(sample?: NDArray | null, lam?: NDArray | null, params?: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  pdf_poisson(params: { sample?: NDArray; lam?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * The density of samples under uniform distributions on [low, high] (low < high), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_uniform)
   */
  pdf_uniform(sample?: NDArray | null, low?: NDArray | null, high?: NDArray | null, params?: { sample?: NDArray; low?: NDArray; high?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  pdf_uniform(params: { sample?: NDArray; low?: NDArray; high?: NDArray; is_log?: boolean; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the Poisson distribution with mean lam (as floats).
   * (registry name: _random_poisson)
   */
  poisson(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the Poisson distribution with mean lam (as floats), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_poisson_like)
   */
  poisson_like(data?: NDArray | null, params?: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  poisson_like(params: { data?: NDArray; lam?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples integers uniformly from [low, high).
   * (registry name: _random_randint)
   */
  randint(params?: { low: number; high: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "int32" | "int64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the uniform distribution on [low, high).
   * (registry name: _random_uniform)
   */
  uniform(params?: { low?: number; high?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Samples from the uniform distribution on [low, high), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_uniform_like)
   */
  uniform_like(data?: NDArray | null, params?: { data?: NDArray; low?: number; high?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  uniform_like(params: { data?: NDArray; low?: number; high?: number; out?: NDArray | NDArray[]; name?: string }): NDArray;
  /**
   * Draws outcome indices from multinomial (categorical) distributions: data (..., k) holds one distribution over k outcomes per row of its last axis, and must sum to 1 along it. The draws have shape data.shape[:-1] + shape (one draw per row when shape is ()). With get_prob, a second output holds the log-probability of each draw (data's dtype), whose gradient reaches data.
   * (registry name: _sample_multinomial)
   */
  multinomial(data?: NDArray | null, params?: { data?: NDArray; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  multinomial(params: { data?: NDArray; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; out?: NDArray | NDArray[]; name?: string }): NDArray | NDArray[];
  /**
   * Draws, for each of shape[0] rows, shape[1] distinct classes in [0, range_max) from the log-uniform (Zipfian) distribution P(v) = log((v + 2) / (v + 1)) / log(range_max + 1), redrawing repeats. Outputs the samples (shape, int64) and num_tries (shape[0],), int64: the draws each row took (for sampled-softmax corrections).
   * (registry name: _sample_unique_zipfian)
   */
  unique_zipfian(params?: { range_max: number; shape?: number[] | number | null; ctx?: Context | string; out?: NDArray | NDArray[]; name?: string }): NDArray[];
}

export interface NdImageOps {

}

/** mx.sym operators (generated from the registry). */

export interface SymOps {
  /**
   * Applies an activation function elementwise: relu, sigmoid, softrelu (log(1+exp(x))), softsign (x/(1+|x|)) or tanh.
   */
  Activation(data?: Symbol | null, params?: { data?: Symbol; act_type: "relu" | "sigmoid" | "softrelu" | "softsign" | "tanh"; name?: string; attr?: { [key: string]: string } }): Symbol;
  Activation(params: { data?: Symbol; act_type: "relu" | "sigmoid" | "softrelu" | "softsign" | "tanh"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Batch normalization. Normalizes a data batch by mean and variance per channel (axis), and applies a scale gamma and offset beta: out = (data - mean) / sqrt(var + eps) * gamma + beta. In training (is_train and not use_global_stats) mean and var come from the batch and the auxiliary states are updated: moving_mean = moving_mean * momentum + mean * (1 - momentum), likewise moving_var with the biased batch variance; otherwise the moving statistics are used. fix_gamma treats gamma as 1. With output_mean_var the mean and the inverse std are also returned.
   */
  BatchNorm(data?: Symbol | null, gamma?: Symbol | null, beta?: Symbol | null, moving_mean?: Symbol | null, moving_var?: Symbol | null, params?: { data?: Symbol; gamma?: Symbol; beta?: Symbol; moving_mean?: Symbol; moving_var?: Symbol; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  BatchNorm(params: { data?: Symbol; gamma?: Symbol; beta?: Symbol; moving_mean?: Symbol; moving_var?: Symbol; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Samples data at the points of a grid by bilinear interpolation. data is (batch, C, H, W); grid (batch, 2, Ho, Wo) holds normalised source coordinates (channel 0: x, channel 1: y; -1 and 1 are the centres of the first and last pixels), as GridGenerator makes them. The output (batch, C, Ho, Wo) blends the four pixels around each point; pixels outside the input read as 0, so points near the border fade toward 0 and points beyond it give 0. The gradient reaches data and grid (for grid, the slope of the blend within the point's cell).
   */
  BilinearSampler(data?: Symbol | null, grid?: Symbol | null, params?: { data?: Symbol; grid?: Symbol; cudnn_off?: boolean | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  BilinearSampler(params: { data?: Symbol; grid?: Symbol; cudnn_off?: boolean | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Returns the input unchanged and stops gradients from flowing back through it.
   */
  BlockGrad(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  BlockGrad(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   */
  CTCLoss(data?: Symbol | null, label?: Symbol | null, data_lengths?: Symbol | null, label_lengths?: Symbol | null, params?: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  CTCLoss(params: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Casts every element to the given dtype (floats truncate toward zero when cast to integers).
   */
  Cast(data?: Symbol | null, params?: { data?: Symbol; dtype: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  Cast(params: { data?: Symbol; dtype: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Joins arrays along dim; all other dimensions must match.
   */
  Concat(...args: Array<Symbol | Symbol[] | { num_args?: number; dim?: number; name?: string; attr?: { [key: string]: string } }>): Symbol;
  /**
   * Compute N-D convolution on (N+2)-D input (NCW, NCHW or NCDHW). out[n, f] = bias[f] + sum over c, window of weight[f, c] * data[n, c]; the output spatial size is floor((x + 2*pad - dilate*(kernel-1) - 1) / stride) + 1. weight has shape (num_filter, channels / num_group, *kernel) and bias (num_filter,). With num_group > 1 the channels are split into independent groups.
   */
  Convolution(data?: Symbol | null, weight?: Symbol | null, bias?: Symbol | null, params?: { data?: Symbol; weight?: Symbol; bias?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  Convolution(params: { data?: Symbol; weight?: Symbol; bias?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Crops the height and width (dims 2 and 3) of 4-D data (MXNet's legacy Crop; slice is the general op). With one input the window size is h_w, with two it is the height and width of the second input (crop_like, whose values are not read). The window starts at offset (y, x), or is centred with center_crop. The gradient of data is ograd inside the window, zero elsewhere; crop_like gets none.
   */
  Crop(...args: Array<Symbol | Symbol[] | { num_args?: number; offset?: number[] | number; h_w?: number[] | number; center_crop?: boolean; name?: string; attr?: { [key: string]: string } }>): Symbol;
  /**
   * Applies a custom operator whose shapes, types, forward and backward are written in a binding (Python: a CustomOpProp subclass registered with mx.operator.register). Inputs follow the prop's list_arguments(); every other parameter is passed to the prop as a string.
   */
  Custom(params?: { op_type?: string; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Computes 1-D, 2-D or 3-D transposed convolution (aka fractionally strided convolution) of the input tensor: the gradient of Convolution with respect to its data. The output spatial size is stride*(x-1) + dilate*(kernel-1) + 1 - 2*pad + adj, or target_shape when given. weight has shape (channels, num_filter / num_group, *kernel) and bias (num_filter,).
   */
  Deconvolution(data?: Symbol | null, weight?: Symbol | null, bias?: Symbol | null, params?: { data?: Symbol; weight?: Symbol; bias?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  Deconvolution(params: { data?: Symbol; weight?: Symbol; bias?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Dropout: during training, zeroes elements with probability p and scales the others by 1/(1-p); the identity at inference.
   */
  Dropout(data?: Symbol | null, params?: { data?: Symbol; p?: number; mode?: "always" | "training"; axes?: number[] | number; cudnn_off?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  Dropout(params: { data?: Symbol; p?: number; mode?: "always" | "training"; axes?: number[] | number; cudnn_off?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sums all inputs elementwise: add_n(a1, ..., an) = a1 + ... + an, in one pass (every input has the same shape and dtype).
   * (registry name: add_n)
   */
  ElementWiseSum(...args: Array<Symbol | Symbol[] | { num_args?: number; name?: string; attr?: { [key: string]: string } }>): Symbol;
  /**
   * Maps integer indices to rows of weight (input_dim, output_dim): the result has shape data.shape + (output_dim,). Indices are clipped into [0, input_dim). The weight gradient is dense (sparse_grad is accepted for compatibility).
   */
  Embedding(data?: Symbol | null, weight?: Symbol | null, params?: { data?: Symbol; weight?: Symbol; input_dim: number; output_dim: number; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; sparse_grad?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  Embedding(params: { data?: Symbol; weight?: Symbol; input_dim: number; output_dim: number; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; sparse_grad?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Flattens to 2-D: (d0, d1*...*dn-1).
   */
  Flatten(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  Flatten(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Fully connected layer: y = x W^T + b, with W of shape (num_hidden, in_features) and b of shape (num_hidden,).
   */
  FullyConnected(data?: Symbol | null, weight?: Symbol | null, bias?: Symbol | null, params?: { data?: Symbol; weight?: Symbol; bias?: Symbol; num_hidden: number; no_bias?: boolean; flatten?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  FullyConnected(params: { data?: Symbol; weight?: Symbol; bias?: Symbol; num_hidden: number; no_bias?: boolean; flatten?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Generates a 2-D sampling grid for BilinearSampler. The output (batch, 2, H, W) holds, for every target pixel, the normalised source coordinates (channel 0: x, channel 1: y), where -1 and 1 are the centres of the input's first and last pixels. - 'affine': data (batch, 6) holds a 2x3 matrix per sample, row-major; the grid is that matrix applied to (x, y, 1), x and y running evenly over [-1, 1] across target_shape (H, W).
   */
  GridGenerator(data?: Symbol | null, params?: { data?: Symbol; transform_type: "affine" | "warp"; target_shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  GridGenerator(params: { data?: Symbol; transform_type: "affine" | "warp"; target_shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Group normalization. The channels (axis 1) of data (N, C, ...) are split into num_groups groups of C / num_groups channels; each sample's group is normalised by its own mean and variance: out = (x - mean) / sqrt(var + eps) * gamma[g] + beta[g], with gamma and beta of shape (num_groups,). With output_mean_var the mean and std (sqrt(var + eps)), of shape (N, num_groups), are also returned.
   */
  GroupNorm(data?: Symbol | null, gamma?: Symbol | null, beta?: Symbol | null, params?: { data?: Symbol; gamma?: Symbol; beta?: Symbol; num_groups?: number; eps?: number; output_mean_var?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  GroupNorm(params: { data?: Symbol; gamma?: Symbol; beta?: Symbol; num_groups?: number; eps?: number; output_mean_var?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Applies instance normalization to the n-dimensional input array. Each (batch, channel) plane is normalised by its own mean and variance: out = (data - mean) / sqrt(var + eps) * gamma[c] + beta[c], with gamma and beta of shape (channels,).
   */
  InstanceNorm(data?: Symbol | null, gamma?: Symbol | null, beta?: Symbol | null, params?: { data?: Symbol; gamma?: Symbol; beta?: Symbol; eps?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  InstanceNorm(params: { data?: Symbol; gamma?: Symbol; beta?: Symbol; eps?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Normalize the input array using the L2 norm. out = data / sqrt(sum(data^2) + eps), the sum over every axis but the first (mode='instance'), over axis 1 (mode='channel') or over axes 2 and up (mode='spatial'); channel and spatial need at least 3 dimensions.
   */
  L2Normalization(data?: Symbol | null, params?: { data?: Symbol; eps?: number; mode?: "channel" | "instance" | "spatial"; name?: string; attr?: { [key: string]: string } }): Symbol;
  L2Normalization(params: { data?: Symbol; eps?: number; mode?: "channel" | "instance" | "spatial"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Applies local response normalization to the input. Across channels (axis 1 of (N, C, ...)): out[c] = data[c] / (knorm + alpha / nsize * sum of data[j]^2 over the channels j with |j - c| <= (nsize - 1) / 2)^beta.
   */
  LRN(data?: Symbol | null, params?: { data?: Symbol; alpha?: number; beta?: number; knorm?: number; nsize: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  LRN(params: { data?: Symbol; alpha?: number; beta?: number; knorm?: number; nsize: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Layer normalization. Normalizes the channels of the input along the given axis: out = (data - mean(data, axis)) / sqrt(var(data, axis) + eps) * gamma + beta, with gamma and beta of shape (data.shape[axis],). With output_mean_var the mean and std (sqrt(var + eps)) are also returned, with the axis kept as size 1.
   */
  LayerNorm(data?: Symbol | null, gamma?: Symbol | null, beta?: Symbol | null, params?: { data?: Symbol; gamma?: Symbol; beta?: Symbol; axis?: number; eps?: number; output_mean_var?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  LayerNorm(params: { data?: Symbol; gamma?: Symbol; beta?: Symbol; axis?: number; eps?: number; output_mean_var?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Leaky rectified linear units: leaky (x or slope*x), prelu (x or gamma*x with a learned gamma per channel), elu (x or slope*(exp(x)-1)), selu and gelu (erf form).
   */
  LeakyReLU(data?: Symbol | null, gamma?: Symbol | null, params?: { data?: Symbol; gamma?: Symbol; act_type?: "elu" | "gelu" | "leaky" | "prelu" | "selu"; slope?: number; lower_bound?: number; upper_bound?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  LeakyReLU(params: { data?: Symbol; gamma?: Symbol; act_type?: "elu" | "gelu" | "leaky" | "prelu" | "selu"; slope?: number; lower_bound?: number; upper_bound?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Identity forward; squared-loss gradient (out - label) * grad_scale / m.
   */
  LinearRegressionOutput(data?: Symbol | null, label?: Symbol | null, params?: { data?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  LinearRegressionOutput(params: { data?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sigmoid forward; logistic-loss gradient (out - label) * grad_scale / m.
   */
  LogisticRegressionOutput(data?: Symbol | null, label?: Symbol | null, params?: { data?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  LogisticRegressionOutput(params: { data?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Identity forward; absolute-loss gradient sign(out - label) * grad_scale / m.
   */
  MAERegressionOutput(data?: Symbol | null, label?: Symbol | null, params?: { data?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  MAERegressionOutput(params: { data?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Make your own loss function in network construction. The forward pass returns data unchanged. The backward pass ignores the incoming gradient and returns grad_scale everywhere, divided by the batch size (normalization='batch') or by the number of elements greater than valid_thresh (normalization='valid', at least 1).
   */
  MakeLoss(data?: Symbol | null, params?: { data?: Symbol; grad_scale?: number; valid_thresh?: number; normalization?: "batch" | "null" | "valid"; name?: string; attr?: { [key: string]: string } }): Symbol;
  MakeLoss(params: { data?: Symbol; grad_scale?: number; valid_thresh?: number; normalization?: "batch" | "null" | "valid"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Pads every axis: pad_width = (before0, after0, before1, after1, ...). mode 'constant' fills constant_value, 'edge' repeats the edge value, 'reflect' mirrors without repeating the edge. (MXNet accepts only 4-D/5-D input; any rank works here.)
   */
  Pad(data?: Symbol | null, params?: { data?: Symbol; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  Pad(params: { data?: Symbol; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs pooling on the input (NCW, NCHW or NCDHW). pool_type: max, avg (divides by the padded window size unless count_include_pad is False), sum, or lp ((sum x^p)^(1/p), p_value 1, 2 or 3). Output size per spatial dim: valid: floor((x + 2*pad - kernel) / stride) + 1; full: the same with ceil; same: ceil(x / stride). global_pool pools each whole feature map to size 1.
   */
  Pooling(data?: Symbol | null, params?: { data?: Symbol; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  Pooling(params: { data?: Symbol; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Applies a recurrent layer stack (vanilla RNN with relu or tanh, LSTM or GRU) to a sequence. data is (sequence_length, batch_size, input_size). parameters is one flat vector: first every weight matrix -- for each layer, for each direction, the input-to-hidden matrix (gates * state_size, layer_input) then the hidden-to-hidden matrix (gates * state_size, state_size) -- then every bias, in the same order (input-to-hidden then hidden-to-hidden, gates * state_size each). layer_input is input_size for the first layer and directions * state_size above it; gates is 1 (rnn_relu, rnn_tanh), 4 (lstm, gate order i, f, g, o) or 3 (gru, gate order r, z, n). Its length is inferred from the other shapes. state (and state_cell for lstm) is (num_layers * directions, batch_size, state_size), indexed layer-major. The output is (sequence_length, batch_size, directions * state_size), the last layer's hidden states with the forward direction first; with state_outputs the final hidden state (and cell state) follow, shaped like state. Cells: rnn_relu/rnn_tanh h = act(W x + b_W + U h' + b_U); lstm c = f * c' + i * g, h = o * tanh(c) (i, f, o sigmoid, g tanh); gru r, z sigmoid, n = tanh(W_n x + b_Wn + r * (U_n h' + b_Un)), h = (1 - z) * n + z * h'.
   */
  RNN(data?: Symbol | null, parameters?: Symbol | null, state?: Symbol | null, state_cell?: Symbol | null, sequence_length?: Symbol | null, params?: { data?: Symbol; parameters?: Symbol; state?: Symbol; state_cell?: Symbol; sequence_length?: Symbol; state_size: number; num_layers: number; bidirectional?: boolean; mode: "gru" | "lstm" | "rnn_relu" | "rnn_tanh"; p?: number; state_outputs?: boolean; projection_size?: number | null; lstm_state_clip_min?: number | null; lstm_state_clip_max?: number | null; lstm_state_clip_nan?: boolean; use_sequence_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  RNN(params: { data?: Symbol; parameters?: Symbol; state?: Symbol; state_cell?: Symbol; sequence_length?: Symbol; state_size: number; num_layers: number; bidirectional?: boolean; mode: "gru" | "lstm" | "rnn_relu" | "rnn_tanh"; p?: number; state_outputs?: boolean; projection_size?: number | null; lstm_state_clip_min?: number | null; lstm_state_clip_max?: number | null; lstm_state_clip_nan?: boolean; use_sequence_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Region-of-interest max pooling (Fast R-CNN). data (batch, channel, height, width) is a feature map; rois (num_rois, 5) holds rows [batch_index, x1, y1, x2, y2], corners in image coordinates. Each roi is scaled by spatial_scale, rounded, split into a pooled_size grid of bins, and every bin is max-pooled, giving (num_rois, channel, pooled_h, pooled_w). Empty bins and rois whose batch_index is not in [0, batch) give 0. The gradient goes to each bin's maximum; rois get none.
   */
  ROIPooling(data?: Symbol | null, rois?: Symbol | null, params?: { data?: Symbol; rois?: Symbol; pooled_size: number[] | number; spatial_scale: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  ROIPooling(params: { data?: Symbol; rois?: Symbol; pooled_size: number[] | number; spatial_scale: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Reshapes the input without copying semantics changes. shape may use the codes 0 (copy this dim), -1 (infer), -2 (copy the remaining dims), -3 (merge two dims), -4 (split a dim into the two values that follow, one may be -1).
   */
  Reshape(data?: Symbol | null, params?: { data?: Symbol; shape?: number[] | number; reverse?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  Reshape(params: { data?: Symbol; shape?: number[] | number; reverse?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Support vector machine output layer (a loss). The forward returns data unchanged. The backward ignores the incoming gradient and returns the gradient of the one-vs-rest SVM loss over the last axis, with label (data's shape without the last axis) the target class: L2-SVM (squared hinge) by default, L1-SVM with use_linear. For the target class the gradient is -2 * max(margin - x, 0) (L1: -[x < margin]), for every other class 2 * max(margin + x, 0) (L1: [x > -margin]), all times regularization_coefficient.
   */
  SVMOutput(data?: Symbol | null, label?: Symbol | null, params?: { data?: Symbol; label?: Symbol; margin?: number; regularization_coefficient?: number; use_linear?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  SVMOutput(params: { data?: Symbol; label?: Symbol; margin?: number; regularization_coefficient?: number; use_linear?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the last element of a sequence. data is (max_sequence_length, batch_size, ...) for axis 0, (batch_size, max_sequence_length, ...) for axis 1; the output is (batch_size, ...): for each sequence the step sequence_length[b] - 1 with use_sequence_length (lengths must lie in [1, max_sequence_length]), else the last step.
   */
  SequenceLast(data?: Symbol | null, sequence_length?: Symbol | null, params?: { data?: Symbol; sequence_length?: Symbol; use_sequence_length?: boolean; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  SequenceLast(params: { data?: Symbol; sequence_length?: Symbol; use_sequence_length?: boolean; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sets all elements outside the sequence to a constant value. data is (max_sequence_length, batch_size, ...) for axis 0, (batch_size, max_sequence_length, ...) for axis 1. With use_sequence_length, steps at or after sequence_length[b] of sequence b are set to value; without, the data is returned unchanged.
   */
  SequenceMask(data?: Symbol | null, sequence_length?: Symbol | null, params?: { data?: Symbol; sequence_length?: Symbol; use_sequence_length?: boolean; value?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  SequenceMask(params: { data?: Symbol; sequence_length?: Symbol; use_sequence_length?: boolean; value?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Reverses the elements of each sequence. data is (max_sequence_length, batch_size, ...). With use_sequence_length the first sequence_length[b] steps of sequence b are reversed and the rest stay in place (lengths must lie in [0, max_sequence_length]); without, every sequence is reversed whole.
   */
  SequenceReverse(data?: Symbol | null, sequence_length?: Symbol | null, params?: { data?: Symbol; sequence_length?: Symbol; use_sequence_length?: boolean; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  SequenceReverse(params: { data?: Symbol; sequence_length?: Symbol; use_sequence_length?: boolean; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Splits an array along axis into num_outputs equal parts.
   */
  SliceChannel(data?: Symbol | null, params?: { data?: Symbol; num_outputs: number; axis?: number; squeeze_axis?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  SliceChannel(params: { data?: Symbol; num_outputs: number; axis?: number; squeeze_axis?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Softmax with a cross-entropy gradient: forward is softmax(data); backward gives (softmax - one_hot(label)) * grad_scale / normalization, ignoring the incoming gradient.
   * (registry name: SoftmaxOutput)
   */
  Softmax(data?: Symbol | null, label?: Symbol | null, params?: { data?: Symbol; label?: Symbol; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  Softmax(params: { data?: Symbol; label?: Symbol; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Softmax over the last axis (mode='instance') or over the channel axis 1 (mode='channel').
   */
  SoftmaxActivation(data?: Symbol | null, params?: { data?: Symbol; mode?: "channel" | "instance"; name?: string; attr?: { [key: string]: string } }): Symbol;
  SoftmaxActivation(params: { data?: Symbol; mode?: "channel" | "instance"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Softmax with a cross-entropy gradient: forward is softmax(data); backward gives (softmax - one_hot(label)) * grad_scale / normalization, ignoring the incoming gradient.
   */
  SoftmaxOutput(data?: Symbol | null, label?: Symbol | null, params?: { data?: Symbol; label?: Symbol; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  SoftmaxOutput(params: { data?: Symbol; label?: Symbol; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Applies a spatial transformer to a feature map: an affine sampling grid sampled bilinearly. data is (batch, C, H, W), loc (batch, 6) a 2x3 affine matrix per sample (row-major, as a localisation network outputs it; initialise it to the identity [1, 0, 0, 0, 1, 0]). The output (batch, C, target_shape[0], target_shape[1]) equals BilinearSampler(data, GridGenerator(loc, 'affine', target_shape)): pixels outside the input read as 0. The gradient reaches data and loc.
   */
  SpatialTransformer(data?: Symbol | null, loc?: Symbol | null, params?: { data?: Symbol; loc?: Symbol; target_shape?: number[] | number; transform_type: "affine"; sampler_type: "bilinear"; cudnn_off?: boolean | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  SpatialTransformer(params: { data?: Symbol; loc?: Symbol; target_shape?: number[] | number; transform_type: "affine"; sampler_type: "bilinear"; cudnn_off?: boolean | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Interchanges two axes.
   */
  SwapAxis(data?: Symbol | null, params?: { data?: Symbol; dim1?: number; dim2?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  SwapAxis(params: { data?: Symbol; dim1?: number; dim2?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Upsamples the given 4-D inputs (NCHW) by scale along height and width. nearest: every pixel is repeated scale x scale times; several inputs are brought to the size of the first times scale and concatenated along channels (or summed). bilinear: a depthwise Deconvolution with the given weight of shape (channels, 1, 2*scale - scale%2, same), stride scale and pad ceil((scale-1)/2); initialise the weight with the Bilinear initializer.
   */
  UpSampling(...args: Array<Symbol | Symbol[] | { scale: number; num_filter?: number; sample_type: "bilinear" | "nearest"; multi_input_mode?: "concat" | "sum"; num_args?: number; workspace?: number; name?: string; attr?: { [key: string]: string } }>): Symbol;
  /**
   * Absolute value, elementwise.
   */
  abs(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  abs(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Update function for Adam optimizer. It updates the weights and the moment estimates (in place) using::   g = clip(rescale_grad * gradient + wd * weight)
   */
  adam_update(weight?: Symbol | null, grad?: Symbol | null, mean?: Symbol | null, var_?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; mean?: Symbol; var?: Symbol; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  adam_update(params: { weight?: Symbol; grad?: Symbol; mean?: Symbol; var?: Symbol; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sums all inputs elementwise: add_n(a1, ..., an) = a1 + ... + an, in one pass (every input has the same shape and dtype).
   */
  add_n(...args: Array<Symbol | Symbol[] | { num_args?: number; name?: string; attr?: { [key: string]: string } }>): Symbol;
  /**
   * Checks whether every element of data is finite (not NaN, not infinite): a float32 array of shape (1,) holding 1 if so, else 0. Used by mixed-precision training to skip steps whose gradients overflowed.
   */
  all_finite(data?: Symbol | null, params?: { data?: Symbol; init_output?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  all_finite(params: { data?: Symbol; init_output?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse cosine, elementwise.
   */
  arccos(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  arccos(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse hyperbolic cosine, elementwise.
   */
  arccosh(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  arccosh(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse sine, elementwise.
   */
  arcsin(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  arcsin(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse hyperbolic sine, elementwise.
   */
  arcsinh(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  arcsinh(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse tangent, elementwise.
   */
  arctan(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  arctan(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse hyperbolic tangent, elementwise.
   */
  arctanh(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  arctanh(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Indices of the maximum values along an axis.
   */
  argmax(data?: Symbol | null, params?: { data?: Symbol; axis?: number | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  argmax(params: { data?: Symbol; axis?: number | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Indices of the maximum values along axis 1 (the channel axis).
   */
  argmax_channel(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  argmax_channel(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Indices of the minimum values along an axis.
   */
  argmin(data?: Symbol | null, params?: { data?: Symbol; axis?: number | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  argmin(params: { data?: Symbol; axis?: number | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Indices that sort the array along axis (flattened when axis is None). Stable.
   */
  argsort(data?: Symbol | null, params?: { data?: Symbol; axis?: number | null; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  argsort(params: { data?: Symbol; axis?: number | null; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Batched matrix product: (B..., M, K) x (B..., K, N) -> (B..., M, N); transpose_a/transpose_b transpose the last two axes of lhs/rhs.
   */
  batch_dot(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; transpose_a?: boolean; transpose_b?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  batch_dot(params: { lhs?: Symbol; rhs?: Symbol; transpose_a?: boolean; transpose_b?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes elements from a data batch: out[i] = a[i, indices[i]], a viewed as (rows, last axis). indices must have as many elements as a has rows; out has indices' shape and a's dtype. Out-of-range indices are clipped to [0, a.shape[-1] - 1]. (Deprecated in MXNet in favour of pick.)
   */
  batch_take(a?: Symbol | null, indices?: Symbol | null, params?: { a?: Symbol; indices?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  batch_take(params: { a?: Symbol; indices?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Adds two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_add(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_add(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Broadcasts the input along the given size-1 axes to the given sizes.
   * (registry name: broadcast_axis)
   */
  broadcast_axes(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number; size?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_axes(params: { data?: Symbol; axis?: number[] | number; size?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Broadcasts the input along the given size-1 axes to the given sizes.
   */
  broadcast_axis(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number; size?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_axis(params: { data?: Symbol; axis?: number[] | number; size?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_div(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_div(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (==, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (>, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_greater(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_greater(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (>=, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_greater_equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_greater_equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes sqrt(a^2 + b^2) of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_hypot(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_hypot(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (<, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_lesser(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_lesser(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (<=, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_lesser_equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_lesser_equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Broadcasts lhs to the shape of rhs (or, with lhs_axes/rhs_axes, only those axes of lhs to the sizes of rhs's axes).
   */
  broadcast_like(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; lhs_axes?: number[] | number | null; rhs_axes?: number[] | number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_like(params: { lhs?: Symbol; rhs?: Symbol; lhs_axes?: number[] | number | null; rhs_axes?: number[] | number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical and (1 or 0 in the input dtype) of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_logical_and(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_logical_and(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical or (1 or 0 in the input dtype) of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_logical_or(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_logical_or(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical xor (1 or 0 in the input dtype) of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_logical_xor(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_logical_xor(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the maximum of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_maximum(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_maximum(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the minimum of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_minimum(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_minimum(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Subtracts two arrays with numpy-style broadcasting, elementwise.
   * (registry name: broadcast_sub)
   */
  broadcast_minus(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_minus(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the modulo (sign of the divisor, like Python) of two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_mod(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_mod(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Multiplies two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_mul(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_mul(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (!=, 1 or 0 in the input dtype) two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_not_equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_not_equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Adds two arrays with numpy-style broadcasting, elementwise.
   * (registry name: broadcast_add)
   */
  broadcast_plus(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_plus(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Raises to a power two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_power(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_power(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Subtracts two arrays with numpy-style broadcasting, elementwise.
   */
  broadcast_sub(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_sub(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Broadcasts the input to a new shape; size-1 axes are repeated. A 0 in `shape` keeps that axis.
   */
  broadcast_to(data?: Symbol | null, params?: { data?: Symbol; shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  broadcast_to(params: { data?: Symbol; shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Casts every element to the given dtype (floats truncate toward zero when cast to integers).
   * (registry name: Cast)
   */
  cast(data?: Symbol | null, params?: { data?: Symbol; dtype: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  cast(params: { data?: Symbol; dtype: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Cube root, elementwise.
   */
  cbrt(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  cbrt(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Smallest integer >= x, elementwise.
   */
  ceil(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  ceil(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Picks one element per row: output[i] = lhs[i, rhs[i]] for lhs (rows, columns) and rhs (rows,) of 0-based column indices, which must be in [0, columns). The gradient reaches lhs at the picked places.
   */
  choose_element_0index(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  choose_element_0index(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Clips values to [a_min, a_max]: a_min where x < a_min, else a_max where x > a_max, else x.
   */
  clip(data?: Symbol | null, params?: { data?: Symbol; a_min: number; a_max: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  clip(params: { data?: Symbol; a_min: number; a_max: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sums columns of sliding blocks back into an image (the adjoint of im2col, not its inverse). data (N, C * prod(kernel), L) gives (N, C, *output_size): every column entry is added to the image element im2col would have read it from (entries that fall on padding are dropped). The gradient is im2col.
   */
  col2im(data?: Symbol | null, params?: { data?: Symbol; output_size: number[] | number; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  col2im(params: { data?: Symbol; output_size: number[] | number; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Joins arrays along dim; all other dimensions must match.
   * (registry name: Concat)
   */
  concat(...args: Array<Symbol | Symbol[] | { num_args?: number; dim?: number; name?: string; attr?: { [key: string]: string } }>): Symbol;
  /**
   * Cosine (radians), elementwise.
   */
  cos(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  cos(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Hyperbolic cosine, elementwise.
   */
  cosh(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  cosh(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Slices with begin/end/step per leading axis (numpy semantics; None entries mean the default: whole axis, step 1).
   * (registry name: slice)
   */
  crop(data?: Symbol | null, params?: { data?: Symbol; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  crop(params: { data?: Symbol; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   * (registry name: CTCLoss)
   */
  ctc_loss(data?: Symbol | null, label?: Symbol | null, data_lengths?: Symbol | null, label_lengths?: Symbol | null, params?: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  ctc_loss(params: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Return the cumulative sum of the elements along a given axis. With axis None the sum runs over the flattened array and the output is 1-D. The output dtype is dtype when given, else the input's (int64 for bool); values are converted to it before they are summed.
   * (registry name: _np_cumsum)
   */
  cumsum(a?: Symbol | null, params?: { a?: Symbol; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  cumsum(params: { a?: Symbol; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Converts radians to degrees, elementwise.
   */
  degrees(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  degrees(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Moves blocks of channels into space: (N, C, H, W) -> (N, C/b^2, H*b, W*b).
   */
  depth_to_space(data?: Symbol | null, params?: { data?: Symbol; block_size: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  depth_to_space(params: { data?: Symbol; block_size: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Extracts a diagonal or constructs a diagonal array. For a 1-D input, returns the 2-D square array with the input on the k-th diagonal. For an input of two or more dimensions, returns the k-th diagonal of the planes spanned by axis1 and axis2: the other axes in order, followed by the diagonal (as numpy.diagonal).
   */
  diag(data?: Symbol | null, params?: { data?: Symbol; k?: number; axis1?: number; axis2?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  diag(params: { data?: Symbol; k?: number; axis1?: number; axis2?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Dot product. 2-D: matrix product. N-D: lhs is flattened to 2-D over all but its last axis and rhs over all but its first; the result has shape lhs.shape[:-1] + rhs.shape[1:]. 1-D x 1-D gives shape (1,). transpose_a/transpose_b transpose the 2-D views first.
   */
  dot(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; transpose_a?: boolean; transpose_b?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  dot(params: { lhs?: Symbol; rhs?: Symbol; transpose_a?: boolean; transpose_b?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Adds two arrays of the same shape, elementwise.
   */
  elemwise_add(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  elemwise_add(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) two arrays of the same shape, elementwise.
   */
  elemwise_div(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  elemwise_div(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Multiplies two arrays of the same shape, elementwise.
   */
  elemwise_mul(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  elemwise_mul(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Subtracts two arrays of the same shape, elementwise.
   */
  elemwise_sub(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  elemwise_sub(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gauss error function, elementwise.
   */
  erf(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  erf(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Returns element-wise inverse gauss error function of the input: erf(erfinv(x)) = x, +-inf at +-1, NaN outside [-1, 1].
   */
  erfinv(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  erfinv(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Exponential e^x, elementwise.
   */
  exp(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  exp(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inserts a new axis of size 1 at position axis.
   */
  expand_dims(data?: Symbol | null, params?: { data?: Symbol; axis: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  expand_dims(params: { data?: Symbol; axis: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * exp(x) - 1, elementwise, accurate for small x.
   */
  expm1(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  expm1(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sets one element per row: output = lhs with output[i, rhs[i]] = mhs[i], for lhs (rows, columns), mhs (rows,) and rhs (rows,) of 0-based column indices in [0, columns). The gradient reaches lhs (zero at the filled places) and mhs.
   */
  fill_element_0index(lhs?: Symbol | null, mhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; mhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  fill_element_0index(params: { lhs?: Symbol; mhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Rounds toward zero, elementwise.
   */
  fix(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  fix(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Flattens to 2-D: (d0, d1*...*dn-1).
   * (registry name: Flatten)
   */
  flatten(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  flatten(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Reverses the order of elements along the given axes.
   * (registry name: reverse)
   */
  flip(data?: Symbol | null, params?: { data?: Symbol; axis: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  flip(params: { data?: Symbol; axis: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Largest integer <= x, elementwise.
   */
  floor(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  floor(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The FTML optimizer (Zheng & Kwok, Follow the Moving Leader in Deep Learning, 2017). It updates the weights and the states d, v, z (in place) using::   g = clip(rescale_grad * gradient + wd * weight)
   */
  ftml_update(weight?: Symbol | null, grad?: Symbol | null, d?: Symbol | null, v?: Symbol | null, z?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; d?: Symbol; v?: Symbol; z?: Symbol; lr: number; beta1?: number; beta2?: number; epsilon?: number; t: number; wd?: number; rescale_grad?: number; clip_grad?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  ftml_update(params: { weight?: Symbol; grad?: Symbol; d?: Symbol; v?: Symbol; z?: Symbol; lr: number; beta1?: number; beta2?: number; epsilon?: number; t: number; wd?: number; rescale_grad?: number; clip_grad?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Update function for Ftrl optimizer (McMahan et al., Ad Click Prediction: a View from the Trenches). It updates the weights and the states z, n (in place) using::   g = clip(rescale_grad * gradient)
   */
  ftrl_update(weight?: Symbol | null, grad?: Symbol | null, z?: Symbol | null, n?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; z?: Symbol; n?: Symbol; lr: number; lamda1?: number; beta?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  ftrl_update(params: { weight?: Symbol; grad?: Symbol; z?: Symbol; n?: Symbol; lr: number; lamda1?: number; beta?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gamma function, elementwise.
   */
  gamma(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  gamma(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * log|Gamma(x)|, elementwise.
   */
  gammaln(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  gammaln(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gathers blocks addressed by the first axis of indices: indices of shape (M, Y...) give a result of shape Y + data.shape[M:], out[y] = data[indices[:, y]]. Negative indices count from the end; out-of-range ones are an error.
   */
  gather_nd(data?: Symbol | null, indices?: Symbol | null, params?: { data?: Symbol; indices?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  gather_nd(params: { data?: Symbol; indices?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes hard sigmoid of x element-wise: y = max(0, min(1, alpha * x + beta)).
   */
  hard_sigmoid(data?: Symbol | null, params?: { data?: Symbol; alpha?: number; beta?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  hard_sigmoid(params: { data?: Symbol; alpha?: number; beta?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Returns a copy of the input.
   * (registry name: _copy)
   */
  identity(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  identity(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Extracts sliding blocks of an image into columns, as a convolution sees them. data (N, C, *spatial) with 1, 2 or 3 spatial dims gives (N, C * prod(kernel), L): row c * prod(kernel) + k holds kernel point k of channel c, column l the block at output position l (row-major), L the spatial size of a convolution's output with the same kernel, stride, dilate and pad. Padding reads as 0. The gradient is col2im.
   */
  im2col(data?: Symbol | null, params?: { data?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  im2col(params: { data?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes the Khatri-Rao product of the input matrices: the column-wise Kronecker product. The inputs have shapes (n_1, c), ..., (n_K, c); the output has shape (n_1 * ... * n_K, c), column j the Kronecker product of the inputs' columns j (the first input's row index varies slowest). float32 and float64. Not differentiable, as in MXNet.
   */
  khatri_rao(...args: Array<Symbol | Symbol[] | { num_args?: number; name?: string; attr?: { [key: string]: string } }>): Symbol;
  /**
   * Phase I of the LAMB update (You et al., Large Batch Optimization for Deep Learning, 2019): updates the moment estimates (in place) and returns the update direction g::   grad = clip(rescale_grad * grad)   mean = beta1 * mean + (1 - beta1) * grad
   */
  lamb_update_phase1(weight?: Symbol | null, grad?: Symbol | null, mean?: Symbol | null, var_?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; mean?: Symbol; var?: Symbol; beta1?: number; beta2?: number; epsilon?: number; t: number; bias_correction?: boolean; wd: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  lamb_update_phase1(params: { weight?: Symbol; grad?: Symbol; mean?: Symbol; var?: Symbol; beta1?: number; beta2?: number; epsilon?: number; t: number; bias_correction?: boolean; wd: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Phase II of the LAMB update: scales the learning rate by the trust ratio r1 / r2 (r1 the weight's norm, bounded to [lower_bound, upper_bound]; r2 the norm of g from phase I; the ratio is left out when either is 0) and updates the weight::   weight = weight - lr * r1 / r2 * g
   */
  lamb_update_phase2(weight?: Symbol | null, g?: Symbol | null, r1?: Symbol | null, r2?: Symbol | null, params?: { weight?: Symbol; g?: Symbol; r1?: Symbol; r2?: Symbol; lr: number; lower_bound?: number; upper_bound?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  lamb_update_phase2(params: { weight?: Symbol; g?: Symbol; r1?: Symbol; r2?: Symbol; lr: number; lower_bound?: number; upper_bound?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes the determinant of a matrix: out = det(A). A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. Computed from an LU factorization with partial pivoting; a singular matrix gives 0 (and a zero gradient). float32 and float64.
   * (registry name: _linalg_det)
   */
  linalg_det(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_det(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Extracts the diagonal entries of a square matrix. A has shape (..., n, n); out has shape (..., n - |offset|): the diagonal at `offset` (above the main one when positive, below it when negative). float32 and float64.
   * (registry name: _linalg_extractdiag)
   */
  linalg_extractdiag(A?: Symbol | null, params?: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_extractdiag(params: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Extracts a triangular sub-matrix from a square matrix, packed into a vector. A has shape (..., n, n); out has shape (..., m (m + 1) / 2) with m = n - |offset|. offset < 0 takes the triangle below the diagonal at `offset`, offset > 0 the one above it, offset = 0 the lower (lower=True) or upper triangle with the diagonal. A lower triangle is packed row by row, an upper one column by column. float32 and float64.
   * (registry name: _linalg_extracttrian)
   */
  linalg_extracttrian(A?: Symbol | null, params?: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_extracttrian(params: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * LQ factorization for general matrix: A = L * Q, outputs (Q, L). A has shape (..., m, n) with m <= n; Q has shape (..., m, n) with orthonormal rows, L shape (..., m, m), lower triangular. Householder reflections with LAPACK's sign conventions (L's diagonal may be negative). float32 and float64.
   * (registry name: _linalg_gelqf)
   */
  linalg_gelqf(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  linalg_gelqf(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Performs general matrix multiplication and accumulation: out = alpha * op(A) * op(B) + beta * C, op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A, B and C. float32 and float64.
   * (registry name: _linalg_gemm)
   */
  linalg_gemm(A?: Symbol | null, B?: Symbol | null, C?: Symbol | null, params?: { A?: Symbol; B?: Symbol; C?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_gemm(params: { A?: Symbol; B?: Symbol; C?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs general matrix multiplication: out = alpha * op(A) * op(B), op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A and B. float32 and float64.
   * (registry name: _linalg_gemm2)
   */
  linalg_gemm2(A?: Symbol | null, B?: Symbol | null, params?: { A?: Symbol; B?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_gemm2(params: { A?: Symbol; B?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes the inverse of a matrix: out = A^-1. A has shape (..., n, n): the matrices are on the last two axes and every leading axis is a batch axis. A singular matrix is an error. float32 and float64.
   * (registry name: _linalg_inverse)
   */
  linalg_inverse(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_inverse(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Constructs a square matrix with the input as diagonal. A has shape (..., k); out has shape (..., n, n) with n = k + |offset|, zero except the diagonal at `offset`, which holds A. float32 and float64.
   * (registry name: _linalg_makediag)
   */
  linalg_makediag(A?: Symbol | null, params?: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_makediag(params: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Constructs a square matrix from a packed triangle (the inverse of _linalg_extracttrian). A has shape (..., k) with k = m (m + 1) / 2; out has shape (..., n, n) with n = m + |offset|, zero outside the triangle that offset and lower name (see _linalg_extracttrian). float32 and float64.
   * (registry name: _linalg_maketrian)
   */
  linalg_maketrian(A?: Symbol | null, params?: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_maketrian(params: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs Cholesky factorization of a symmetric positive-definite matrix: out = L, the lower triangular matrix with A = L * L^T. Only the lower triangle of A is read; the upper triangle of out is zero. A has shape (..., n, n). A matrix that is not positive definite is an error. The gradient is symmetric (A is taken as symmetric). float32 and float64.
   * (registry name: _linalg_potrf)
   */
  linalg_potrf(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_potrf(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs matrix inversion from a Cholesky factorization: out = (A * A^T)^-1 for A the lower triangular factor that _linalg_potrf returns. Only the lower triangle of A is read. A has shape (..., n, n). A zero on A's diagonal is an error. float32 and float64.
   * (registry name: _linalg_potri)
   */
  linalg_potri(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_potri(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes the sign and the natural logarithm of the absolute value of the determinant of a matrix: (sign, logabsdet) with det(A) = sign * exp(logabsdet). A has shape (..., n, n); both outputs have the batch shape (...), or (1,) for a single matrix. A singular matrix gives sign 0 and logabsdet -inf. Only logabsdet has a gradient (A^-T). float32 and float64.
   * (registry name: _linalg_slogdet)
   */
  linalg_slogdet(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  linalg_slogdet(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Computes the sum of the logarithms of the diagonal elements of a square matrix. A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. A negative diagonal element gives nan. float32 and float64.
   * (registry name: _linalg_sumlogdiag)
   */
  linalg_sumlogdiag(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_sumlogdiag(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Multiplication of a matrix with its transpose: out = alpha * A * A^T, or alpha * A^T * A with transpose=True. A has shape (..., m, n); out has shape (..., m, m), or (..., n, n) with transpose=True. float32 and float64.
   * (registry name: _linalg_syrk)
   */
  linalg_syrk(A?: Symbol | null, params?: { A?: Symbol; transpose?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_syrk(params: { A?: Symbol; transpose?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs multiplication with a triangular matrix: out = alpha * op(A) * B, or alpha * B * op(A) with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. float32 and float64.
   * (registry name: _linalg_trmm)
   */
  linalg_trmm(A?: Symbol | null, B?: Symbol | null, params?: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_trmm(params: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Solves a matrix equation with a triangular matrix: out = alpha * op(A)^-1 * B, or alpha * B * op(A)^-1 with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. A zero on A's diagonal gives inf/nan, as LAPACK's trsm. float32 and float64.
   * (registry name: _linalg_trsm)
   */
  linalg_trsm(A?: Symbol | null, B?: Symbol | null, params?: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  linalg_trsm(params: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Natural logarithm, elementwise.
   */
  log(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  log(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Base-10 logarithm, elementwise.
   */
  log10(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  log10(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * log(1 + x), elementwise, accurate for small x.
   */
  log1p(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  log1p(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Base-2 logarithm, elementwise.
   */
  log2(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  log2(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Log of the softmax along an axis, computed stably.
   */
  log_softmax(data?: Symbol | null, params?: { data?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  log_softmax(params: { data?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical not: 1 where x == 0 else 0, in the input dtype.
   */
  logical_not(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  logical_not(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Make your own loss function in network construction. The forward pass returns data unchanged; the backward pass ignores the incoming gradient and sends back ones in data's shape. See MakeLoss for scaling and normalization options.
   */
  make_loss(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  make_loss(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Maximum of array elements over the given axes (NaN propagates).
   */
  max(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  max(params: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Maximum of array elements over the given axes (NaN propagates).
   * (registry name: max)
   */
  max_axis(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  max_axis(params: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Mean of array elements over the given axes (integers divide with truncation).
   */
  mean(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  mean(params: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Minimum of array elements over the given axes (NaN propagates).
   */
  min(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  min(params: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Minimum of array elements over the given axes (NaN propagates).
   * (registry name: min)
   */
  min_axis(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  min_axis(params: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Calculate the mean and variance of data along axes. Outputs mean and the population variance mean((data - mean)^2); with keepdims the reduced axes stay as size 1. axes must name at least one axis.
   */
  moments(data?: Symbol | null, params?: { data?: Symbol; axes?: number[] | number | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  moments(params: { data?: Symbol; axes?: number[] | number | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Phase I of the multi-precision LAMB update: as lamb_update_phase1 with float32 moments, the float32 master copy weight32 for the weight decay term, and a float32 result g.
   */
  mp_lamb_update_phase1(weight?: Symbol | null, grad?: Symbol | null, mean?: Symbol | null, var_?: Symbol | null, weight32?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; mean?: Symbol; var?: Symbol; weight32?: Symbol; beta1?: number; beta2?: number; epsilon?: number; t: number; bias_correction?: boolean; wd: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  mp_lamb_update_phase1(params: { weight?: Symbol; grad?: Symbol; mean?: Symbol; var?: Symbol; weight32?: Symbol; beta1?: number; beta2?: number; epsilon?: number; t: number; bias_correction?: boolean; wd: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Phase II of the multi-precision LAMB update: as lamb_update_phase2 on the float32 master copy weight32 (updated in place); the output is weight32 cast to the weight's dtype.
   */
  mp_lamb_update_phase2(weight?: Symbol | null, g?: Symbol | null, r1?: Symbol | null, r2?: Symbol | null, weight32?: Symbol | null, params?: { weight?: Symbol; g?: Symbol; r1?: Symbol; r2?: Symbol; weight32?: Symbol; lr: number; lower_bound?: number; upper_bound?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  mp_lamb_update_phase2(params: { weight?: Symbol; g?: Symbol; r1?: Symbol; r2?: Symbol; weight32?: Symbol; lr: number; lower_bound?: number; upper_bound?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Update function for multi-precision Nesterov Accelerated Gradient (NAG) optimizer. As nag_mom_update, applied to the float32 master copy weight32 with a float32 momentum (both updated in place); the output is weight32 cast to the weight's dtype.
   */
  mp_nag_mom_update(weight?: Symbol | null, grad?: Symbol | null, mom?: Symbol | null, weight32?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; mom?: Symbol; weight32?: Symbol; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  mp_nag_mom_update(params: { weight?: Symbol; grad?: Symbol; mom?: Symbol; weight32?: Symbol; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Updater function for multi-precision sgd optimizer with momentum. As sgd_mom_update, applied to the float32 master copy weight32 with a float32 momentum (both updated in place); the output is weight32 cast to the weight's dtype.
   */
  mp_sgd_mom_update(weight?: Symbol | null, grad?: Symbol | null, mom?: Symbol | null, weight32?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; mom?: Symbol; weight32?: Symbol; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  mp_sgd_mom_update(params: { weight?: Symbol; grad?: Symbol; mom?: Symbol; weight32?: Symbol; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Updater function for multi-precision sgd optimizer. As sgd_update, applied to the float32 master copy weight32 (updated in place); the output is weight32 cast to the weight's dtype.
   */
  mp_sgd_update(weight?: Symbol | null, grad?: Symbol | null, weight32?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; weight32?: Symbol; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  mp_sgd_update(params: { weight?: Symbol; grad?: Symbol; weight32?: Symbol; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Checks whether every element of num_arrays arrays is finite: a float32 array of shape (1,) holding 1 if so, else 0.
   */
  multi_all_finite(...args: Array<Symbol | Symbol[] | { num_arrays?: number; init_output?: boolean; name?: string; attr?: { [key: string]: string } }>): Symbol;
  /**
   * Computes the LARS learning rates of several weights from their and their gradients' sums of squares (You et al., Large Batch Training of Convolutional Networks)::   w = sqrt(weights_sum_sq), g = sqrt(grads_sum_sq) * rescale_grad   out = lrs * eta * w / (g + wds * w + eps)   where w > 0 and g > 0
   */
  multi_lars(lrs?: Symbol | null, weights_sum_sq?: Symbol | null, grads_sum_sq?: Symbol | null, wds?: Symbol | null, params?: { lrs?: Symbol; weights_sum_sq?: Symbol; grads_sum_sq?: Symbol; wds?: Symbol; eta: number; eps: number; rescale_grad?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  multi_lars(params: { lrs?: Symbol; weights_sum_sq?: Symbol; grads_sum_sq?: Symbol; wds?: Symbol; eta: number; eps: number; rescale_grad?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Updates num_weights weights and their momenta in one call, each exactly as sgd_mom_update with its own learning rate and weight decay::   mom_i = momentum * mom_i - lr_i * wd_i * weight_i - lr_i * clip(rescale_grad * grad_i)   weight_i = weight_i + mom_i
   */
  multi_mp_sgd_mom_update(...args: Array<Symbol | Symbol[] | { lrs?: string; wds?: string; momentum?: number; rescale_grad?: number; clip_gradient?: number; num_weights?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Updates num_weights weights in one call, each exactly as sgd_update with its own learning rate and weight decay::   weight_i = (1 - lr_i * wd_i) * weight_i - lr_i * clip(rescale_grad * grad_i) Multi-precision: the update runs on the float32 master copies weight32_i (with float32 momenta), and output i is weight32_i cast to the weight's dtype. Inputs: weight_0, grad_0, weight32_0, weight_1, ... for each of num_weights weights. Output i is the new weight_i: pass out=[weight_0, weight_1, ...] to update in place; the states are always updated in place.
   */
  multi_mp_sgd_update(...args: Array<Symbol | Symbol[] | { lrs?: string; wds?: string; rescale_grad?: number; clip_gradient?: number; num_weights?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Updates num_weights weights and their momenta in one call, each exactly as sgd_mom_update with its own learning rate and weight decay::   mom_i = momentum * mom_i - lr_i * wd_i * weight_i - lr_i * clip(rescale_grad * grad_i)   weight_i = weight_i + mom_i
   */
  multi_sgd_mom_update(...args: Array<Symbol | Symbol[] | { lrs?: string; wds?: string; momentum?: number; rescale_grad?: number; clip_gradient?: number; num_weights?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Updates num_weights weights in one call, each exactly as sgd_update with its own learning rate and weight decay::   weight_i = (1 - lr_i * wd_i) * weight_i - lr_i * clip(rescale_grad * grad_i) Inputs: weight_0, grad_0, weight_1, ... for each of num_weights weights. Output i is the new weight_i: pass out=[weight_0, weight_1, ...] to update in place; the states are always updated in place.
   */
  multi_sgd_update(...args: Array<Symbol | Symbol[] | { lrs?: string; wds?: string; rescale_grad?: number; clip_gradient?: number; num_weights?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Computes the sum of squares of each of num_arrays arrays: a float32 array of num_arrays values (accumulated in double). Used for gradient norms, e.g. by LARS and LAMB.
   */
  multi_sum_sq(...args: Array<Symbol | Symbol[] | { num_arrays?: number; name?: string; attr?: { [key: string]: string } }>): Symbol;
  /**
   * Update function for Nesterov Accelerated Gradient (NAG) optimizer. It updates the weights and the momentum (in place) using::   g = clip(rescale_grad * gradient) + wd * weight
   */
  nag_mom_update(weight?: Symbol | null, grad?: Symbol | null, mom?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; mom?: Symbol; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  nag_mom_update(params: { weight?: Symbol; grad?: Symbol; mom?: Symbol; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Product over the given axes, treating NaN as one.
   */
  nanprod(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  nanprod(params: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sum over the given axes, treating NaN as zero.
   */
  nansum(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  nansum(params: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Numerical negative, elementwise.
   */
  negative(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  negative(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The L1 or L2 norm of the elements over the given axes (all by default).
   */
  norm(data?: Symbol | null, params?: { data?: Symbol; ord?: number; axis?: number[] | number | null; out_dtype?: "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  norm(params: { data?: Symbol; ord?: number; axis?: number[] | number | null; out_dtype?: "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the normal distribution N(loc, scale^2).
   * (registry name: _random_normal)
   */
  normal(params?: { loc?: number; scale?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * One-hot encoding: out[..., j] = on_value where j == indices[...], else off_value. Indices outside [0, depth) give a row of off_value.
   */
  one_hot(indices?: Symbol | null, params?: { indices?: Symbol; depth: number; on_value?: number; off_value?: number; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  one_hot(params: { indices?: Symbol; depth: number; on_value?: number; off_value?: number; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * An array of ones with the shape and dtype of the input.
   */
  ones_like(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  ones_like(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Pads every axis: pad_width = (before0, after0, before1, after1, ...). mode 'constant' fills constant_value, 'edge' repeats the edge value, 'reflect' mirrors without repeating the edge. (MXNet accepts only 4-D/5-D input; any rank works here.)
   * (registry name: Pad)
   */
  pad(data?: Symbol | null, params?: { data?: Symbol; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  pad(params: { data?: Symbol; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Picks one element per position along axis: out[i] = data[i with axis -> index[i]]. index has data's shape without axis (or with it as 1).
   */
  pick(data?: Symbol | null, index?: Symbol | null, params?: { data?: Symbol; index?: Symbol; axis?: number | null; keepdims?: boolean; mode?: "clip" | "wrap"; name?: string; attr?: { [key: string]: string } }): Symbol;
  pick(params: { data?: Symbol; index?: Symbol; axis?: number | null; keepdims?: boolean; mode?: "clip" | "wrap"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Updates num_weights weights and their momenta in one call, each exactly as sgd_mom_update with its own learning rate and weight decay::   mom_i = momentum * mom_i - lr_i * wd_i * weight_i - lr_i * clip(rescale_grad * grad_i)   weight_i = weight_i + mom_i
   */
  preloaded_multi_mp_sgd_mom_update(...args: Array<Symbol | Symbol[] | { momentum?: number; rescale_grad?: number; clip_gradient?: number; num_weights?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Updates num_weights weights in one call, each exactly as sgd_update with its own learning rate and weight decay::   weight_i = (1 - lr_i * wd_i) * weight_i - lr_i * clip(rescale_grad * grad_i) lrs and wds are float32 arrays of num_weights learning rates and weight decays. Multi-precision: the update runs on the float32 master copies weight32_i (with float32 momenta), and output i is weight32_i cast to the weight's dtype. Inputs: weight_0, grad_0, weight32_0, weight_1, ... for each of num_weights weights, then lrs, then wds. Output i is the new weight_i: pass out=[weight_0, weight_1, ...] to update in place; the states are always updated in place.
   */
  preloaded_multi_mp_sgd_update(...args: Array<Symbol | Symbol[] | { rescale_grad?: number; clip_gradient?: number; num_weights?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Updates num_weights weights and their momenta in one call, each exactly as sgd_mom_update with its own learning rate and weight decay::   mom_i = momentum * mom_i - lr_i * wd_i * weight_i - lr_i * clip(rescale_grad * grad_i)   weight_i = weight_i + mom_i
   */
  preloaded_multi_sgd_mom_update(...args: Array<Symbol | Symbol[] | { momentum?: number; rescale_grad?: number; clip_gradient?: number; num_weights?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Updates num_weights weights in one call, each exactly as sgd_update with its own learning rate and weight decay::   weight_i = (1 - lr_i * wd_i) * weight_i - lr_i * clip(rescale_grad * grad_i) lrs and wds are float32 arrays of num_weights learning rates and weight decays. Inputs: weight_0, grad_0, weight_1, ... for each of num_weights weights, then lrs, then wds. Output i is the new weight_i: pass out=[weight_0, weight_1, ...] to update in place; the states are always updated in place.
   */
  preloaded_multi_sgd_update(...args: Array<Symbol | Symbol[] | { rescale_grad?: number; clip_gradient?: number; num_weights?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Product of array elements over the given axes.
   */
  prod(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  prod(params: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Converts degrees to radians, elementwise.
   */
  radians(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  radians(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam).
   * (registry name: _random_exponential)
   */
  random_exponential(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_exponential_like)
   */
  random_exponential_like(data?: Symbol | null, params?: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_exponential_like(params: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta.
   * (registry name: _random_gamma)
   */
  random_gamma(params?: { alpha?: number; beta?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_gamma_like)
   */
  random_gamma_like(data?: Symbol | null, params?: { data?: Symbol; alpha?: number; beta?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_gamma_like(params: { data?: Symbol; alpha?: number; beta?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2; alpha 0 is Poisson(mu)).
   * (registry name: _random_generalized_negative_binomial)
   */
  random_generalized_negative_binomial(params?: { mu?: number; alpha?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_generalized_negative_binomial_like)
   */
  random_generalized_negative_binomial_like(data?: Symbol | null, params?: { data?: Symbol; mu?: number; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_generalized_negative_binomial_like(params: { data?: Symbol; mu?: number; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the negative binomial distribution, as floats: the number of failures before k successes, each of probability p (mean k(1-p)/p).
   * (registry name: _random_negative_binomial)
   */
  random_negative_binomial(params?: { k?: number; p?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the negative binomial distribution, as floats: the failures before k successes of probability p, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_negative_binomial_like)
   */
  random_negative_binomial_like(data?: Symbol | null, params?: { data?: Symbol; k?: number; p?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_negative_binomial_like(params: { data?: Symbol; k?: number; p?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the normal distribution N(loc, scale^2).
   * (registry name: _random_normal)
   */
  random_normal(params?: { loc?: number; scale?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the normal distribution N(loc, scale^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_normal_like)
   */
  random_normal_like(data?: Symbol | null, params?: { data?: Symbol; loc?: number; scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_normal_like(params: { data?: Symbol; loc?: number; scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under Dirichlet distributions: alpha (P..., k) holds one distribution's concentrations (> 0) per row of its last axis, sample has shape P + (draws...) + (k,), and the output P + (draws...) holds the density of each k-vector (not projected onto the simplex; a negative component gives 0). With is_log, the log-density. The gradient reaches sample and alpha.
   * (registry name: _random_pdf_dirichlet)
   */
  random_pdf_dirichlet(sample?: Symbol | null, alpha?: Symbol | null, params?: { sample?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_pdf_dirichlet(params: { sample?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under exponential distributions with rates lam (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_exponential)
   */
  random_pdf_exponential(sample?: Symbol | null, lam?: Symbol | null, params?: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_pdf_exponential(params: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under gamma distributions with shapes alpha (> 0) and rates beta (> 0): beta^alpha x^(alpha-1) e^(-beta x) / Gamma(alpha), the values MXNet 1.9 computes, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_gamma)
   */
  random_pdf_gamma(sample?: Symbol | null, alpha?: Symbol | null, beta?: Symbol | null, params?: { sample?: Symbol; alpha?: Symbol; beta?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_pdf_gamma(params: { sample?: Symbol; alpha?: Symbol; beta?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under generalized negative binomial distributions with means mu (>= 0) and dispersions alpha (>= 0; 0 is Poisson(mu)), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_generalized_negative_binomial)
   */
  random_pdf_generalized_negative_binomial(sample?: Symbol | null, mu?: Symbol | null, alpha?: Symbol | null, params?: { sample?: Symbol; mu?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_pdf_generalized_negative_binomial(params: { sample?: Symbol; mu?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under negative binomial distributions: the number of failures x before k (> 0) successes of probability p (in (0, 1]), C(x+k-1, x) p^k (1-p)^x, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_negative_binomial)
   */
  random_pdf_negative_binomial(sample?: Symbol | null, k?: Symbol | null, p?: Symbol | null, params?: { sample?: Symbol; k?: Symbol; p?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_pdf_negative_binomial(params: { sample?: Symbol; k?: Symbol; p?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under normal distributions with means mu and standard deviations sigma (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_normal)
   */
  random_pdf_normal(sample?: Symbol | null, mu?: Symbol | null, sigma?: Symbol | null, params?: { sample?: Symbol; mu?: Symbol; sigma?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_pdf_normal(params: { sample?: Symbol; mu?: Symbol; sigma?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under Poisson distributions with means lam (>= 0; samples need not be whole: Gamma-function form), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_poisson)
   */
  random_pdf_poisson(sample?: Symbol | null, lam?: Symbol | null, params?: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_pdf_poisson(params: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under uniform distributions on [low, high] (low < high), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_uniform)
   */
  random_pdf_uniform(sample?: Symbol | null, low?: Symbol | null, high?: Symbol | null, params?: { sample?: Symbol; low?: Symbol; high?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_pdf_uniform(params: { sample?: Symbol; low?: Symbol; high?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the Poisson distribution with mean lam (as floats).
   * (registry name: _random_poisson)
   */
  random_poisson(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the Poisson distribution with mean lam (as floats), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_poisson_like)
   */
  random_poisson_like(data?: Symbol | null, params?: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_poisson_like(params: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples integers uniformly from [low, high).
   * (registry name: _random_randint)
   */
  random_randint(params?: { low: number; high: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "int32" | "int64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the uniform distribution on [low, high).
   * (registry name: _random_uniform)
   */
  random_uniform(params?: { low?: number; high?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the uniform distribution on [low, high), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_uniform_like)
   */
  random_uniform_like(data?: Symbol | null, params?: { data?: Symbol; low?: number; high?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  random_uniform_like(params: { data?: Symbol; low?: number; high?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Converts a batch of index arrays into an array of flat indices. data is (len(shape), N): column i holds one multi-index; the output (N,) holds sum_k data[k, i] * prod(shape[k+1:]). The output has data's dtype; indices are not range-checked (as MXNet).
   * (registry name: _ravel_multi_index)
   */
  ravel_multi_index(data?: Symbol | null, params?: { data?: Symbol; shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  ravel_multi_index(params: { data?: Symbol; shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Returns element-wise inverse cube-root value of the input: rcbrt(x) = 1 / cbrt(x).
   */
  rcbrt(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  rcbrt(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Reciprocal 1/x, elementwise.
   */
  reciprocal(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  reciprocal(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Rectified linear unit max(x, 0), elementwise.
   */
  relu(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  relu(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Repeats each element `repeats` times along axis (the flattened array if axis is None).
   */
  repeat(data?: Symbol | null, params?: { data?: Symbol; repeats: number; axis?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  repeat(params: { data?: Symbol; repeats: number; axis?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sets each of num_arrays arrays to zero, in place (e.g. gradients between steps). Returns nothing.
   */
  reset_arrays(...args: Array<Symbol | Symbol[] | { num_arrays?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Reshapes the input without copying semantics changes. shape may use the codes 0 (copy this dim), -1 (infer), -2 (copy the remaining dims), -3 (merge two dims), -4 (split a dim into the two values that follow, one may be -1).
   * (registry name: Reshape)
   */
  reshape(data?: Symbol | null, params?: { data?: Symbol; shape?: number[] | number; reverse?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  reshape(params: { data?: Symbol; shape?: number[] | number; reverse?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Reshapes lhs to the shape of rhs; with lhs_begin/lhs_end/rhs_begin/rhs_end, only lhs dims [lhs_begin, lhs_end) are replaced by rhs dims [rhs_begin, rhs_end).
   */
  reshape_like(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; lhs_begin?: number | null; lhs_end?: number | null; rhs_begin?: number | null; rhs_end?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  reshape_like(params: { lhs?: Symbol; rhs?: Symbol; lhs_begin?: number | null; lhs_end?: number | null; rhs_begin?: number | null; rhs_end?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Reverses the order of elements along the given axes.
   */
  reverse(data?: Symbol | null, params?: { data?: Symbol; axis: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  reverse(params: { data?: Symbol; axis: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Nearest integer, halves to even, elementwise.
   */
  rint(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  rint(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Update function for RMSProp optimizer (Tieleman & Hinton, 2012). It updates the weights and the mean square n (in place) using::   g = clip(rescale_grad * gradient + wd * weight)
   */
  rmsprop_update(weight?: Symbol | null, grad?: Symbol | null, n?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; n?: Symbol; lr: number; gamma1?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; clip_weights?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  rmsprop_update(params: { weight?: Symbol; grad?: Symbol; n?: Symbol; lr: number; gamma1?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; clip_weights?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Update function for RMSPropAlex optimizer: the centered RMSProp of Graves (2013). It updates the weights and the states n, g, delta (in place) using::   grad = clip(rescale_grad * gradient + wd * weight)
   */
  rmspropalex_update(weight?: Symbol | null, grad?: Symbol | null, n?: Symbol | null, g?: Symbol | null, delta?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; n?: Symbol; g?: Symbol; delta?: Symbol; lr: number; gamma1?: number; gamma2?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; clip_weights?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  rmspropalex_update(params: { weight?: Symbol; grad?: Symbol; n?: Symbol; g?: Symbol; delta?: Symbol; lr: number; gamma1?: number; gamma2?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; clip_weights?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Nearest integer, halves away from zero, elementwise.
   */
  round(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  round(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse square root 1/sqrt(x), elementwise.
   */
  rsqrt(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  rsqrt(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from exponential distributions with rates lam (means 1/lam), one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_exponential)
   */
  sample_exponential(lam?: Symbol | null, params?: { lam?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  sample_exponential(params: { lam?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from gamma distributions with shapes alpha (>= 0; 0 gives 0) and scales beta, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_gamma)
   */
  sample_gamma(alpha?: Symbol | null, beta?: Symbol | null, params?: { alpha?: Symbol; beta?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  sample_gamma(params: { alpha?: Symbol; beta?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from generalized negative binomial distributions, as floats, with means mu and dispersions alpha (>= 0; 0 is Poisson): variance mu + alpha mu^2, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_generalized_negative_binomial)
   */
  sample_generalized_negative_binomial(mu?: Symbol | null, alpha?: Symbol | null, params?: { mu?: Symbol; alpha?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  sample_generalized_negative_binomial(params: { mu?: Symbol; alpha?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws outcome indices from multinomial (categorical) distributions: data (..., k) holds one distribution over k outcomes per row of its last axis, and must sum to 1 along it. The draws have shape data.shape[:-1] + shape (one draw per row when shape is ()). With get_prob, a second output holds the log-probability of each draw (data's dtype), whose gradient reaches data.
   * (registry name: _sample_multinomial)
   */
  sample_multinomial(data?: Symbol | null, params?: { data?: Symbol; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  sample_multinomial(params: { data?: Symbol; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Draws from negative binomial distributions, as floats: the number of failures before k (>= 0, need not be whole) successes of probability p (in (0, 1]); mean k(1-p)/p, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_negative_binomial)
   */
  sample_negative_binomial(k?: Symbol | null, p?: Symbol | null, params?: { k?: Symbol; p?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  sample_negative_binomial(params: { k?: Symbol; p?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from normal distributions with means mu and standard deviations sigma, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_normal)
   */
  sample_normal(mu?: Symbol | null, sigma?: Symbol | null, params?: { mu?: Symbol; sigma?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  sample_normal(params: { mu?: Symbol; sigma?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from Poisson distributions with means lam (lam <= 0 gives 0), as floats, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_poisson)
   */
  sample_poisson(lam?: Symbol | null, params?: { lam?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  sample_poisson(params: { lam?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from uniform distributions on [low, high), one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   * (registry name: _sample_uniform)
   */
  sample_uniform(low?: Symbol | null, high?: Symbol | null, params?: { low?: Symbol; high?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  sample_uniform(params: { low?: Symbol; high?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Scatters data into zeros of the given shape: out[indices[:, y]] = data[y] (the inverse of gather_nd; with repeated indices the last one wins).
   */
  scatter_nd(data?: Symbol | null, indices?: Symbol | null, params?: { data?: Symbol; indices?: Symbol; shape: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  scatter_nd(params: { data?: Symbol; indices?: Symbol; shape: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Momentum update function for Stochastic Gradient Descent (SGD) optimizer. It updates the weights and the momentum (in place) using::   mom = momentum * mom - learning_rate * (clip(rescale_grad * gradient) + wd * weight)
   */
  sgd_mom_update(weight?: Symbol | null, grad?: Symbol | null, mom?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; mom?: Symbol; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  sgd_mom_update(params: { weight?: Symbol; grad?: Symbol; mom?: Symbol; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Update function for Stochastic Gradient Descent (SGD) optimizer. It updates the weights using::   weight = weight - learning_rate * (clip(rescale_grad * gradient) + wd * weight)
   */
  sgd_update(weight?: Symbol | null, grad?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  sgd_update(params: { weight?: Symbol; grad?: Symbol; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; lazy_update?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Returns a 1D int64 array containing the shape of data.
   */
  shape_array(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  shape_array(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Randomly permutes data along its first axis (rows keep their contents); the permutation comes from the random generator, so mx.random.seed makes it reproducible. Any dtype; not differentiable.
   * (registry name: _shuffle)
   */
  shuffle(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  shuffle(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logistic sigmoid 1/(1+exp(-x)), elementwise.
   */
  sigmoid(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  sigmoid(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sign (-1, 0 or 1), elementwise.
   */
  sign(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  sign(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Update function for SignSGD optimizer. It updates the weights using::   weight = (1 - learning_rate * wd) * weight - learning_rate * sign(clip(rescale_grad * gradient))
   */
  signsgd_update(weight?: Symbol | null, grad?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  signsgd_update(params: { weight?: Symbol; grad?: Symbol; lr: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * SIGN momentUM (Signum) optimizer. It updates the weights and the momentum (in place) using::   mom = momentum * mom - (1 - momentum) * (clip(rescale_grad * gradient) + wd * weight)
   */
  signum_update(weight?: Symbol | null, grad?: Symbol | null, mom?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; mom?: Symbol; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; wd_lh?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  signum_update(params: { weight?: Symbol; grad?: Symbol; mom?: Symbol; lr: number; momentum?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; wd_lh?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sine (radians), elementwise.
   */
  sin(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  sin(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Hyperbolic sine, elementwise.
   */
  sinh(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  sinh(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Returns a 1D int64 array of one element: the number of elements of data.
   */
  size_array(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  size_array(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Slices with begin/end/step per leading axis (numpy semantics; None entries mean the default: whole axis, step 1).
   */
  slice(data?: Symbol | null, params?: { data?: Symbol; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  slice(params: { data?: Symbol; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Slices [begin, end) along one axis (negative values count from the end).
   */
  slice_axis(data?: Symbol | null, params?: { data?: Symbol; axis: number; begin: number; end?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  slice_axis(params: { data?: Symbol; axis: number; begin: number; end?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Slices data to the shape of shape_like (on `axes`, or on every axis when empty), starting at index 0.
   */
  slice_like(data?: Symbol | null, shape_like?: Symbol | null, params?: { data?: Symbol; shape_like?: Symbol; axes?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  slice_like(params: { data?: Symbol; shape_like?: Symbol; axes?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Smooth L1 loss, elementwise: 0.5*(s*x)^2 where |x| < 1/s^2, else |x| - 0.5/s^2 (s = scalar).
   */
  smooth_l1(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  smooth_l1(params: { data?: Symbol; scalar?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Softmax along an axis: exp(x/T) / sum(exp(x/T)), computed stably.
   */
  softmax(data?: Symbol | null, params?: { data?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  softmax(params: { data?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Softmax cross-entropy loss summed over the batch. data (batch, classes) holds scores, label (batch,) class indices (same dtype as data); the output, of shape (1,), is sum_n -log(max(softmax(data[n])[label[n]], 1e-8)). The gradient with respect to data is softmax(data) - one_hot(label), times the incoming gradient; the label gets none.
   */
  softmax_cross_entropy(data?: Symbol | null, label?: Symbol | null, params?: { data?: Symbol; label?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  softmax_cross_entropy(params: { data?: Symbol; label?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Softmin along an axis: the softmax of -x/T.
   */
  softmin(data?: Symbol | null, params?: { data?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  softmin(params: { data?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * x / (1 + |x|), elementwise.
   */
  softsign(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  softsign(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sorts along axis (the flattened array when axis is None). Stable.
   */
  sort(data?: Symbol | null, params?: { data?: Symbol; axis?: number | null; is_ascend?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  sort(params: { data?: Symbol; axis?: number | null; is_ascend?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Moves spatial blocks into channels: (N, C, H, W) -> (N, C*b^2, H/b, W/b).
   */
  space_to_depth(data?: Symbol | null, params?: { data?: Symbol; block_size: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  space_to_depth(params: { data?: Symbol; block_size: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Splits an array along axis into num_outputs equal parts.
   * (registry name: SliceChannel)
   */
  split(data?: Symbol | null, params?: { data?: Symbol; num_outputs: number; axis?: number; squeeze_axis?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  split(params: { data?: Symbol; num_outputs: number; axis?: number; squeeze_axis?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Square root, elementwise.
   */
  sqrt(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  sqrt(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Square x*x, elementwise.
   */
  square(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  square(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Removes axes of length 1 (all of them, or those listed in axis). A result with no axes left keeps one, as MXNet does: squeezing (1, 1) gives (1,).
   */
  squeeze(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  squeeze(params: { data?: Symbol; axis?: number[] | number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Joins arrays of one shape along a new axis.
   */
  stack(...args: Array<Symbol | Symbol[] | { axis?: number; num_args?: number; name?: string; attr?: { [key: string]: string } }>): Symbol;
  /**
   * Returns the input unchanged and stops gradients from flowing back through it.
   * (registry name: BlockGrad)
   */
  stop_gradient(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  stop_gradient(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sum of array elements over the given axes.
   */
  sum(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  sum(params: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sum of array elements over the given axes.
   * (registry name: sum)
   */
  sum_axis(data?: Symbol | null, params?: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  sum_axis(params: { data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Interchanges two axes.
   * (registry name: SwapAxis)
   */
  swapaxes(data?: Symbol | null, params?: { data?: Symbol; dim1?: number; dim2?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  swapaxes(params: { data?: Symbol; dim1?: number; dim2?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes elements of a along axis at the given indices: the result has shape a.shape[:axis] + indices.shape + a.shape[axis+1:]. mode: 'clip' clamps indices into range, 'wrap' wraps them around, 'raise' rejects out-of-range indices.
   */
  take(a?: Symbol | null, indices?: Symbol | null, params?: { a?: Symbol; indices?: Symbol; axis?: number; mode?: "clip" | "raise" | "wrap"; name?: string; attr?: { [key: string]: string } }): Symbol;
  take(params: { a?: Symbol; indices?: Symbol; axis?: number; mode?: "clip" | "raise" | "wrap"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Tangent (radians), elementwise.
   */
  tan(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  tan(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Hyperbolic tangent, elementwise.
   */
  tanh(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  tanh(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Repeats the whole array reps[i] times along axis i (numpy.tile).
   */
  tile(data?: Symbol | null, params?: { data?: Symbol; reps: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  tile(params: { data?: Symbol; reps: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The k largest (or smallest, is_ascend) elements along axis. ret_typ: 'indices' their positions, 'value' their values, 'both' [values, indices], 'mask' an array shaped like data with 1 at the selected positions. k < 1 selects the whole axis.
   */
  topk(data?: Symbol | null, params?: { data?: Symbol; axis?: number | null; k?: number; ret_typ?: "both" | "indices" | "mask" | "value"; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  topk(params: { data?: Symbol; axis?: number | null; k?: number; ret_typ?: "both" | "indices" | "mask" | "value"; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Permutes the axes: output axis i is input axis axes[i] (default: reversed).
   */
  transpose(data?: Symbol | null, params?: { data?: Symbol; axes?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  transpose(params: { data?: Symbol; axes?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Integer part (rounds toward zero), elementwise.
   */
  trunc(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  trunc(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the uniform distribution on [low, high).
   * (registry name: _random_uniform)
   */
  uniform(params?: { low?: number; high?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Converts an array of flat indices into a batch of index arrays. The output is (len(shape),) + data.shape: for each flat index v, the multi-index with v = sum_k out[k] * prod(shape[k+1:]); the first coordinate is not wrapped. The output has data's dtype.
   * (registry name: _unravel_index)
   */
  unravel_index(data?: Symbol | null, params?: { data?: Symbol; shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  unravel_index(params: { data?: Symbol; shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Elementwise choice: x where condition is non-zero, else y. condition has the shape of x, or is 1-D with length x.shape[0] (choosing whole rows).
   */
  where(condition?: Symbol | null, x?: Symbol | null, y?: Symbol | null, params?: { condition?: Symbol; x?: Symbol; y?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  where(params: { condition?: Symbol; x?: Symbol; y?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * An array of zeros with the shape and dtype of the input.
   */
  zeros_like(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  zeros_like(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
}

/** mx.sym._internal operators (generated from the registry). */

export interface SymInternalOps {
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) two arrays of the same shape, elementwise.
   * (registry name: elemwise_div)
   */
  _Div(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Div(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) an array and a scalar, elementwise.
   * (registry name: _div_scalar)
   */
  _DivScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _DivScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (==, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _equal)
   */
  _Equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (==, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _equal_scalar)
   */
  _EqualScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _EqualScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (>, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _greater)
   */
  _Greater(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Greater(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (>=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _greater_equal_scalar)
   */
  _GreaterEqualScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _GreaterEqualScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (>, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _greater_scalar)
   */
  _GreaterScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _GreaterScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (>=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _greater_equal)
   */
  _Greater_Equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Greater_Equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes sqrt(a^2 + b^2) of two arrays of the same shape, elementwise.
   * (registry name: _hypot)
   */
  _Hypot(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Hypot(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes sqrt(a^2 + b^2) of an array and a scalar, elementwise.
   * (registry name: _hypot_scalar)
   */
  _HypotScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _HypotScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (<, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _lesser)
   */
  _Lesser(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Lesser(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (<=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _lesser_equal_scalar)
   */
  _LesserEqualScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _LesserEqualScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (<, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _lesser_scalar)
   */
  _LesserScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _LesserScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (<=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _lesser_equal)
   */
  _Lesser_Equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Lesser_Equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical and (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   * (registry name: _logical_and_scalar)
   */
  _LogicalAndScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _LogicalAndScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical or (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   * (registry name: _logical_or_scalar)
   */
  _LogicalOrScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _LogicalOrScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical xor (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   * (registry name: _logical_xor_scalar)
   */
  _LogicalXorScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _LogicalXorScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical and (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   * (registry name: _logical_and)
   */
  _Logical_And(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Logical_And(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical or (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   * (registry name: _logical_or)
   */
  _Logical_Or(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Logical_Or(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical xor (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   * (registry name: _logical_xor)
   */
  _Logical_Xor(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Logical_Xor(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the maximum of two arrays of the same shape, elementwise.
   * (registry name: _maximum)
   */
  _Maximum(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Maximum(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the maximum of an array and a scalar, elementwise.
   * (registry name: _maximum_scalar)
   */
  _MaximumScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _MaximumScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the minimum of two arrays of the same shape, elementwise.
   * (registry name: _minimum)
   */
  _Minimum(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Minimum(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the minimum of an array and a scalar, elementwise.
   * (registry name: _minimum_scalar)
   */
  _MinimumScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _MinimumScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Subtracts two arrays of the same shape, elementwise.
   * (registry name: elemwise_sub)
   */
  _Minus(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Minus(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Subtracts an array and a scalar, elementwise.
   * (registry name: _minus_scalar)
   */
  _MinusScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _MinusScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the modulo (sign of the divisor, like Python) of two arrays of the same shape, elementwise.
   * (registry name: _mod)
   */
  _Mod(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Mod(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the modulo (sign of the divisor, like Python) of an array and a scalar, elementwise.
   * (registry name: _mod_scalar)
   */
  _ModScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _ModScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Multiplies two arrays of the same shape, elementwise.
   * (registry name: elemwise_mul)
   */
  _Mul(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Mul(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Multiplies an array and a scalar, elementwise.
   * (registry name: _mul_scalar)
   */
  _MulScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _MulScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (!=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   * (registry name: _not_equal_scalar)
   */
  _NotEqualScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _NotEqualScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (!=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   * (registry name: _not_equal)
   */
  _Not_Equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Not_Equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Adds two arrays of the same shape, elementwise.
   * (registry name: elemwise_add)
   */
  _Plus(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Plus(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Adds an array and a scalar, elementwise.
   * (registry name: _plus_scalar)
   */
  _PlusScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _PlusScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Raises to a power two arrays of the same shape, elementwise.
   * (registry name: _power)
   */
  _Power(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _Power(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Raises to a power an array and a scalar, elementwise.
   * (registry name: _power_scalar)
   */
  _PowerScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _PowerScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) a scalar and an array (scalar first), elementwise.
   * (registry name: _rdiv_scalar)
   */
  _RDivScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _RDivScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Subtracts a scalar and an array (scalar first), elementwise.
   * (registry name: _rminus_scalar)
   */
  _RMinusScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _RMinusScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the modulo (sign of the divisor, like Python) of a scalar and an array (scalar first), elementwise.
   * (registry name: _rmod_scalar)
   */
  _RModScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _RModScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Raises to a power a scalar and an array (scalar first), elementwise.
   * (registry name: _rpower_scalar)
   */
  _RPowerScalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _RPowerScalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Update function for AdaDelta optimizer (Zeiler, 2012); it has no learning rate. It updates the weights and the accumulators (in place) using::   g = clip(rescale_grad * gradient)
   */
  _adadelta_update(weight?: Symbol | null, grad?: Symbol | null, acc_g?: Symbol | null, acc_delta?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; acc_g?: Symbol; acc_delta?: Symbol; rho?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _adadelta_update(params: { weight?: Symbol; grad?: Symbol; acc_g?: Symbol; acc_delta?: Symbol; rho?: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Update function for AdaGrad optimizer (Duchi et al., 2011), dense arrays. It updates the weights and the history (in place) using::   g = clip(rescale_grad * gradient)
   */
  _adagrad_update(weight?: Symbol | null, grad?: Symbol | null, history?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; history?: Symbol; lr: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _adagrad_update(params: { weight?: Symbol; grad?: Symbol; history?: Symbol; lr: number; epsilon?: number; wd?: number; rescale_grad?: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Update function for AdamW optimizer (Loshchilov & Hutter, Decoupled Weight Decay Regularization): the weight decay is applied to the weight, not through the gradient::   grad = clip(rescale_grad * grad)   mean = beta1 * mean + (1 - beta1) * grad
   */
  _adamw_update(weight?: Symbol | null, grad?: Symbol | null, mean?: Symbol | null, var_?: Symbol | null, rescale_grad?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; mean?: Symbol; var?: Symbol; rescale_grad?: Symbol; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; eta: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _adamw_update(params: { weight?: Symbol; grad?: Symbol; mean?: Symbol; var?: Symbol; rescale_grad?: Symbol; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; eta: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Adds two arrays of the same shape, elementwise.
   * (registry name: elemwise_add)
   */
  _add(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _add(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Evenly spaced values in [start, stop) (numpy.arange); with stop None the range is [0, start). Each value is repeated `repeat` times.
   */
  _arange(params?: { start: number; stop?: number | null; step?: number; repeat?: number; infer_range?: boolean; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of Activation.
   */
  _backward_Activation(ograd?: Symbol | null, data?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; output?: Symbol; act_type: "relu" | "sigmoid" | "softrelu" | "softsign" | "tanh"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_Activation(params: { ograd?: Symbol; data?: Symbol; output?: Symbol; act_type: "relu" | "sigmoid" | "softrelu" | "softsign" | "tanh"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradients of BatchNorm: inputs (ograd, data, gamma, moving_mean, moving_var); outputs the gradients of data, gamma and beta. Batch statistics are recomputed when is_train and not use_global_stats, as in the forward.
   */
  _backward_BatchNorm(ograd?: Symbol | null, data?: Symbol | null, gamma?: Symbol | null, moving_mean?: Symbol | null, moving_var?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; gamma?: Symbol; moving_mean?: Symbol; moving_var?: Symbol; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_BatchNorm(params: { ograd?: Symbol; data?: Symbol; gamma?: Symbol; moving_mean?: Symbol; moving_var?: Symbol; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradients of BilinearSampler: inputs (ograd, data, grid); outputs the gradients of data and grid.
   */
  _backward_BilinearSampler(ograd?: Symbol | null, data?: Symbol | null, grid?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; grid?: Symbol; cudnn_off?: boolean | null; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_BilinearSampler(params: { ograd?: Symbol; data?: Symbol; grid?: Symbol; cudnn_off?: boolean | null; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Casts ograd to the dtype of data, keeping ograd's shape (gradient of Cast).
   */
  _backward_Cast(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_Cast(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of Concat: splits ograd (input 0) into pieces shaped like the other inputs.
   */
  _backward_Concat(...args: Array<Symbol | Symbol[] | { num_args?: number; dim?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Gradients of Convolution: inputs (ograd, data, weight); outputs the gradients of data, weight and (unless no_bias) bias.
   */
  _backward_Convolution(ograd?: Symbol | null, data?: Symbol | null, weight?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; weight?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  _backward_Convolution(params: { ograd?: Symbol; data?: Symbol; weight?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Gradient of Crop with respect to data: inputs (ograd, data); ograd placed in the window, zeros elsewhere.
   */
  _backward_Crop(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; offset?: number[] | number; center_crop?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_Crop(params: { ograd?: Symbol; data?: Symbol; offset?: number[] | number; center_crop?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Backward of Custom: calls the custom operator's backward.
   */
  _backward_Custom(params?: { op_type?: string; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Gradients of Deconvolution: inputs (ograd, data, weight); outputs the gradients of data, weight and (unless no_bias) bias.
   */
  _backward_Deconvolution(ograd?: Symbol | null, data?: Symbol | null, weight?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; weight?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  _backward_Deconvolution(params: { ograd?: Symbol; data?: Symbol; weight?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Gradient of Dropout.
   */
  _backward_Dropout(ograd?: Symbol | null, data?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; output?: Symbol; p?: number; mode?: "always" | "training"; axes?: number[] | number; cudnn_off?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_Dropout(params: { ograd?: Symbol; data?: Symbol; output?: Symbol; p?: number; mode?: "always" | "training"; axes?: number[] | number; cudnn_off?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of Embedding w.r.t. weight (a scatter-add of ograd rows). Inputs: ograd, data.
   */
  _backward_Embedding(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; input_dim: number; output_dim: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_Embedding(params: { ograd?: Symbol; data?: Symbol; input_dim: number; output_dim: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of FullyConnected: (data grad, weight grad[, bias grad]).
   */
  _backward_FullyConnected(ograd?: Symbol | null, data?: Symbol | null, weight?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; weight?: Symbol; num_hidden: number; no_bias?: boolean; flatten?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  _backward_FullyConnected(params: { ograd?: Symbol; data?: Symbol; weight?: Symbol; num_hidden: number; no_bias?: boolean; flatten?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Gradient of GridGenerator with respect to data: input ograd (batch, 2, H, W); output (batch, 6) for 'affine', (batch, 2, H, W) for 'warp'.
   */
  _backward_GridGenerator(ograd?: Symbol | null, params?: { ograd?: Symbol; transform_type: "affine" | "warp"; target_shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_GridGenerator(params: { ograd?: Symbol; transform_type: "affine" | "warp"; target_shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradients of GroupNorm: inputs (ograd, data, gamma); outputs the gradients of data, gamma and beta.
   */
  _backward_GroupNorm(ograd?: Symbol | null, data?: Symbol | null, gamma?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; gamma?: Symbol; num_groups?: number; eps?: number; output_mean_var?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_GroupNorm(params: { ograd?: Symbol; data?: Symbol; gamma?: Symbol; num_groups?: number; eps?: number; output_mean_var?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradients of InstanceNorm: inputs (ograd, data, gamma); outputs the gradients of data, gamma and beta.
   */
  _backward_InstanceNorm(ograd?: Symbol | null, data?: Symbol | null, gamma?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; gamma?: Symbol; eps?: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_InstanceNorm(params: { ograd?: Symbol; data?: Symbol; gamma?: Symbol; eps?: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of L2Normalization: inputs (ograd, data); output data's gradient.
   */
  _backward_L2Normalization(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; eps?: number; mode?: "channel" | "instance" | "spatial"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_L2Normalization(params: { ograd?: Symbol; data?: Symbol; eps?: number; mode?: "channel" | "instance" | "spatial"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of LRN: inputs (ograd, data); output data's gradient.
   */
  _backward_LRN(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; alpha?: number; beta?: number; knorm?: number; nsize: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_LRN(params: { ograd?: Symbol; data?: Symbol; alpha?: number; beta?: number; knorm?: number; nsize: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradients of LayerNorm: inputs (ograd, data, gamma); outputs the gradients of data, gamma and beta.
   */
  _backward_LayerNorm(ograd?: Symbol | null, data?: Symbol | null, gamma?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; gamma?: Symbol; axis?: number; eps?: number; output_mean_var?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_LayerNorm(params: { ograd?: Symbol; data?: Symbol; gamma?: Symbol; axis?: number; eps?: number; output_mean_var?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of LeakyReLU: the data gradient (and gamma's, for prelu).
   */
  _backward_LeakyReLU(ograd?: Symbol | null, data?: Symbol | null, output?: Symbol | null, gamma?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; output?: Symbol; gamma?: Symbol; act_type?: "elu" | "gelu" | "leaky" | "prelu" | "selu"; slope?: number; lower_bound?: number; upper_bound?: number; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  _backward_LeakyReLU(params: { ograd?: Symbol; data?: Symbol; output?: Symbol; gamma?: Symbol; act_type?: "elu" | "gelu" | "leaky" | "prelu" | "selu"; slope?: number; lower_bound?: number; upper_bound?: number; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Gradient of LinearRegressionOutput with respect to data.
   */
  _backward_LinearRegressionOutput(output?: Symbol | null, label?: Symbol | null, params?: { output?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_LinearRegressionOutput(params: { output?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of LogisticRegressionOutput with respect to data.
   */
  _backward_LogisticRegressionOutput(output?: Symbol | null, label?: Symbol | null, params?: { output?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_LogisticRegressionOutput(params: { output?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of MAERegressionOutput with respect to data.
   */
  _backward_MAERegressionOutput(output?: Symbol | null, label?: Symbol | null, params?: { output?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_MAERegressionOutput(params: { output?: Symbol; label?: Symbol; grad_scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of MakeLoss: input data; output grad_scale (normalized) in data's shape.
   */
  _backward_MakeLoss(data?: Symbol | null, params?: { data?: Symbol; grad_scale?: number; valid_thresh?: number; normalization?: "batch" | "null" | "valid"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_MakeLoss(params: { data?: Symbol; grad_scale?: number; valid_thresh?: number; normalization?: "batch" | "null" | "valid"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of Pad: sums ograd back onto the source elements.
   */
  _backward_Pad(ograd?: Symbol | null, params?: { ograd?: Symbol; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_Pad(params: { ograd?: Symbol; mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of Pooling: inputs (ograd, data, output); output the gradient of data.
   */
  _backward_Pooling(ograd?: Symbol | null, data?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; output?: Symbol; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_Pooling(params: { ograd?: Symbol; data?: Symbol; output?: Symbol; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradients of RNN: inputs (ograd[, ograd_state[, ograd_state_cell]], data, parameters, state[, state_cell][, sequence_length]) -- the gradients of the outputs RNN has under these parameters, then its inputs; outputs the gradients of data, parameters, state[, state_cell]. The forward is recomputed.
   */
  _backward_RNN(ograd?: Symbol | null, ograd_state?: Symbol | null, ograd_state_cell?: Symbol | null, data?: Symbol | null, parameters?: Symbol | null, state?: Symbol | null, state_cell?: Symbol | null, sequence_length?: Symbol | null, params?: { ograd?: Symbol; ograd_state?: Symbol; ograd_state_cell?: Symbol; data?: Symbol; parameters?: Symbol; state?: Symbol; state_cell?: Symbol; sequence_length?: Symbol; state_size: number; num_layers: number; bidirectional?: boolean; mode: "gru" | "lstm" | "rnn_relu" | "rnn_tanh"; p?: number; state_outputs?: boolean; projection_size?: number | null; lstm_state_clip_min?: number | null; lstm_state_clip_max?: number | null; lstm_state_clip_nan?: boolean; use_sequence_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  _backward_RNN(params: { ograd?: Symbol; ograd_state?: Symbol; ograd_state_cell?: Symbol; data?: Symbol; parameters?: Symbol; state?: Symbol; state_cell?: Symbol; sequence_length?: Symbol; state_size: number; num_layers: number; bidirectional?: boolean; mode: "gru" | "lstm" | "rnn_relu" | "rnn_tanh"; p?: number; state_outputs?: boolean; projection_size?: number | null; lstm_state_clip_min?: number | null; lstm_state_clip_max?: number | null; lstm_state_clip_nan?: boolean; use_sequence_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Gradients of ROIPooling: inputs (ograd, data, rois); outputs the gradients of data and rois (zero).
   */
  _backward_ROIPooling(ograd?: Symbol | null, data?: Symbol | null, rois?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; rois?: Symbol; pooled_size: number[] | number; spatial_scale: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_ROIPooling(params: { ograd?: Symbol; data?: Symbol; rois?: Symbol; pooled_size: number[] | number; spatial_scale: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of SVMOutput with respect to data: inputs (output, label).
   */
  _backward_SVMOutput(output?: Symbol | null, label?: Symbol | null, params?: { output?: Symbol; label?: Symbol; margin?: number; regularization_coefficient?: number; use_linear?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_SVMOutput(params: { output?: Symbol; label?: Symbol; margin?: number; regularization_coefficient?: number; use_linear?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of SequenceLast: inputs (ograd, data[, sequence_length]); the ograd rows go to the steps SequenceLast took, zeros elsewhere.
   */
  _backward_SequenceLast(ograd?: Symbol | null, data?: Symbol | null, sequence_length?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; sequence_length?: Symbol; use_sequence_length?: boolean; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_SequenceLast(params: { ograd?: Symbol; data?: Symbol; sequence_length?: Symbol; use_sequence_length?: boolean; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of SoftmaxActivation.
   */
  _backward_SoftmaxActivation(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; mode?: "channel" | "instance"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_SoftmaxActivation(params: { ograd?: Symbol; output?: Symbol; mode?: "channel" | "instance"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of SoftmaxOutput with respect to data.
   */
  _backward_SoftmaxOutput(ograd?: Symbol | null, output?: Symbol | null, label?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; label?: Symbol; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_SoftmaxOutput(params: { ograd?: Symbol; output?: Symbol; label?: Symbol; grad_scale?: number; ignore_label?: number; multi_output?: boolean; use_ignore?: boolean; preserve_shape?: boolean; normalization?: "batch" | "null" | "valid"; out_grad?: boolean; smooth_alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradients of UpSampling: inputs (ograd, the forward inputs); outputs their gradients.
   */
  _backward_UpSampling(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scale: number; num_filter?: number; sample_type: "bilinear" | "nearest"; multi_input_mode?: "concat" | "sum"; num_args: number; workspace?: number; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  _backward_UpSampling(params: { ograd?: Symbol; data?: Symbol; scale: number; num_filter?: number; sample_type: "bilinear" | "nearest"; multi_input_mode?: "concat" | "sum"; num_args: number; workspace?: number; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Gradient of abs: ograd * dabs/dx.
   */
  _backward_abs(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_abs(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of elemwise_add and broadcast_add: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_add(ograd?: Symbol | null, lhs?: Symbol | null, rhs?: Symbol | null, params?: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_add(params: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of arccos: ograd * darccos/dx.
   */
  _backward_arccos(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_arccos(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of arccosh: ograd * darccosh/dx.
   */
  _backward_arccosh(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_arccosh(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of arcsin: ograd * darcsin/dx.
   */
  _backward_arcsin(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_arcsin(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of arcsinh: ograd * darcsinh/dx.
   */
  _backward_arcsinh(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_arcsinh(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of arctan: ograd * darctan/dx.
   */
  _backward_arctan(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_arctan(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of arctanh: ograd * darctanh/dx.
   */
  _backward_arctanh(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_arctanh(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of batch_dot. Inputs: ograd, lhs, rhs; outputs: lhs and rhs gradients.
   */
  _backward_batch_dot(ograd?: Symbol | null, lhs?: Symbol | null, rhs?: Symbol | null, params?: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; transpose_a?: boolean; transpose_b?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_batch_dot(params: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; transpose_a?: boolean; transpose_b?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of cbrt: ograd * dcbrt/dx.
   */
  _backward_cbrt(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_cbrt(params: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of clip: ograd where a_min <= x <= a_max, else 0.
   */
  _backward_clip(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; a_min: number; a_max: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_clip(params: { ograd?: Symbol; data?: Symbol; a_min: number; a_max: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _contrib_AdaptiveAvgPooling2D with respect to data: inputs (ograd, data); data only gives the input shape.
   */
  _backward_contrib_AdaptiveAvgPooling2D(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; output_size?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_contrib_AdaptiveAvgPooling2D(params: { ograd?: Symbol; data?: Symbol; output_size?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _contrib_BilinearResize2D with respect to data: inputs (ograd, data); data only gives the input shape.
   */
  _backward_contrib_BilinearResize2D(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_contrib_BilinearResize2D(params: { ograd?: Symbol; data?: Symbol; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _contrib_ROIAlign with respect to data: inputs (ograd, data, rois).
   */
  _backward_contrib_ROIAlign(ograd?: Symbol | null, data?: Symbol | null, rois?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; rois?: Symbol; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_contrib_ROIAlign(params: { ograd?: Symbol; data?: Symbol; rois?: Symbol; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _contrib_boolean_mask: inputs (ograd, data, index); output zeros shaped like data with ograd's slices at the kept positions.
   */
  _backward_contrib_boolean_mask(ograd?: Symbol | null, data?: Symbol | null, index?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; index?: Symbol; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_contrib_boolean_mask(params: { ograd?: Symbol; data?: Symbol; index?: Symbol; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _contrib_box_nms: inputs (ograd, data); the suppression is recomputed from data and each kept output row's gradient goes back to its input row.
   */
  _backward_contrib_box_nms(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_contrib_box_nms(params: { ograd?: Symbol; data?: Symbol; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _contrib_index_copy: inputs (ograd, index_vector); outputs the gradients of old_tensor (ograd with the indexed rows zeroed) and new_tensor (the indexed rows of ograd).
   */
  _backward_contrib_index_copy(ograd?: Symbol | null, index_vector?: Symbol | null, params?: { ograd?: Symbol; index_vector?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_contrib_index_copy(params: { ograd?: Symbol; index_vector?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of _contrib_quadratic: inputs (ograd, data); output ograd * (2 a x + b).
   */
  _backward_contrib_quadratic(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; a?: number; b?: number; c?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_contrib_quadratic(params: { ograd?: Symbol; data?: Symbol; a?: number; b?: number; c?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of cos: ograd * dcos/dx.
   */
  _backward_cos(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_cos(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of cosh: ograd * dcosh/dx.
   */
  _backward_cosh(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_cosh(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of CTCLoss with respect to data: inputs (ograd, data, label[, data_lengths][, label_lengths]); each sample's gradient is scaled by its ograd.
   */
  _backward_ctc_loss(ograd?: Symbol | null, data?: Symbol | null, label?: Symbol | null, data_lengths?: Symbol | null, label_lengths?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_ctc_loss(params: { ograd?: Symbol; data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of degrees: ograd * ddegrees/dx.
   */
  _backward_degrees(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_degrees(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of diag: inputs (ograd, data); output data's gradient.
   */
  _backward_diag(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; k?: number; axis1?: number; axis2?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_diag(params: { ograd?: Symbol; data?: Symbol; k?: number; axis1?: number; axis2?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of elemwise_div and broadcast_div: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_div(ograd?: Symbol | null, lhs?: Symbol | null, rhs?: Symbol | null, params?: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_div(params: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of _div_scalar.
   */
  _backward_div_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_div_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of dot. Inputs: ograd, lhs, rhs; outputs: lhs and rhs gradients.
   */
  _backward_dot(ograd?: Symbol | null, lhs?: Symbol | null, rhs?: Symbol | null, params?: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; transpose_a?: boolean; transpose_b?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_dot(params: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; transpose_a?: boolean; transpose_b?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of erf: ograd * derf/dx.
   */
  _backward_erf(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_erf(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of erfinv: inputs (ograd, data); ograd * sqrt(pi) / 2 * exp(erfinv(x)^2).
   */
  _backward_erfinv(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_erfinv(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of exp: ograd * dexp/dx.
   */
  _backward_exp(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_exp(params: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of expm1: ograd * dexpm1/dx.
   */
  _backward_expm1(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_expm1(params: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of gamma: ograd * dgamma/dx.
   */
  _backward_gamma(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_gamma(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of gammaln: ograd * dgammaln/dx.
   */
  _backward_gammaln(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_gammaln(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of gather_nd (a scatter-add, repeated indices accumulate). Inputs: ograd, indices, data.
   */
  _backward_gather_nd(ograd?: Symbol | null, indices?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; indices?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_gather_nd(params: { ograd?: Symbol; indices?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of hard_sigmoid: inputs (ograd, data); alpha * ograd where 0 < alpha * x + beta < 1.
   */
  _backward_hard_sigmoid(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; alpha?: number; beta?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_hard_sigmoid(params: { ograd?: Symbol; data?: Symbol; alpha?: number; beta?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _hypot and broadcast_hypot: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_hypot(ograd?: Symbol | null, lhs?: Symbol | null, rhs?: Symbol | null, params?: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_hypot(params: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of _hypot_scalar.
   */
  _backward_hypot_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_hypot_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of im2col: inputs (ograd, data); col2im of ograd to data's shape.
   */
  _backward_im2col(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_im2col(params: { ograd?: Symbol; data?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradients of the interleaved attention product of the same name (inputs: ograd, then the forward inputs; outputs: their gradients).
   */
  _backward_interleaved_matmul_encdec_qk(ograd?: Symbol | null, queries?: Symbol | null, keys_values?: Symbol | null, params?: { ograd?: Symbol; queries?: Symbol; keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_interleaved_matmul_encdec_qk(params: { ograd?: Symbol; queries?: Symbol; keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradients of the interleaved attention product of the same name (inputs: ograd, then the forward inputs; outputs: their gradients).
   */
  _backward_interleaved_matmul_encdec_valatt(ograd?: Symbol | null, keys_values?: Symbol | null, attention?: Symbol | null, params?: { ograd?: Symbol; keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_interleaved_matmul_encdec_valatt(params: { ograd?: Symbol; keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradients of the interleaved attention product of the same name (inputs: ograd, then the forward inputs; outputs: their gradients).
   */
  _backward_interleaved_matmul_selfatt_qk(ograd?: Symbol | null, queries_keys_values?: Symbol | null, params?: { ograd?: Symbol; queries_keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_interleaved_matmul_selfatt_qk(params: { ograd?: Symbol; queries_keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradients of the interleaved attention product of the same name (inputs: ograd, then the forward inputs; outputs: their gradients).
   */
  _backward_interleaved_matmul_selfatt_valatt(ograd?: Symbol | null, queries_keys_values?: Symbol | null, attention?: Symbol | null, params?: { ograd?: Symbol; queries_keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_interleaved_matmul_selfatt_valatt(params: { ograd?: Symbol; queries_keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of _linalg_det: inputs (ograd, A, det); output A's gradient ograd * det * A^-T.
   */
  _backward_linalg_det(ograd?: Symbol | null, A?: Symbol | null, det?: Symbol | null, params?: { ograd?: Symbol; A?: Symbol; det?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_linalg_det(params: { ograd?: Symbol; A?: Symbol; det?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _linalg_gelqf: inputs (ograd_Q, ograd_L, Q, L); output A's gradient.
   */
  _backward_linalg_gelqf(ograd_Q?: Symbol | null, ograd_L?: Symbol | null, Q?: Symbol | null, L?: Symbol | null, params?: { ograd_Q?: Symbol; ograd_L?: Symbol; Q?: Symbol; L?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_linalg_gelqf(params: { ograd_Q?: Symbol; ograd_L?: Symbol; Q?: Symbol; L?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _linalg_potrf: inputs (ograd, L); output A's gradient, symmetric.
   */
  _backward_linalg_potrf(ograd?: Symbol | null, L?: Symbol | null, params?: { ograd?: Symbol; L?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_linalg_potrf(params: { ograd?: Symbol; L?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _linalg_potri: inputs (ograd, A, result: the forward output); output A's gradient (lower triangular).
   */
  _backward_linalg_potri(ograd?: Symbol | null, A?: Symbol | null, result?: Symbol | null, params?: { ograd?: Symbol; A?: Symbol; result?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_linalg_potri(params: { ograd?: Symbol; A?: Symbol; result?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _linalg_slogdet: inputs (ograd_sign, ograd_logabsdet, A); output A's gradient ograd_logabsdet * A^-T.
   */
  _backward_linalg_slogdet(ograd_sign?: Symbol | null, ograd_logabsdet?: Symbol | null, A?: Symbol | null, params?: { ograd_sign?: Symbol; ograd_logabsdet?: Symbol; A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_linalg_slogdet(params: { ograd_sign?: Symbol; ograd_logabsdet?: Symbol; A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _linalg_sumlogdiag: inputs (ograd, A); output A's gradient diag(ograd / A_ii).
   */
  _backward_linalg_sumlogdiag(ograd?: Symbol | null, A?: Symbol | null, params?: { ograd?: Symbol; A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_linalg_sumlogdiag(params: { ograd?: Symbol; A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _linalg_syevd: inputs (ograd_U, ograd_lambda, U, lambda); output A's gradient (symmetric).
   */
  _backward_linalg_syevd(ograd_U?: Symbol | null, ograd_lambda?: Symbol | null, U?: Symbol | null, lambda?: Symbol | null, params?: { ograd_U?: Symbol; ograd_lambda?: Symbol; U?: Symbol; lambda?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_linalg_syevd(params: { ograd_U?: Symbol; ograd_lambda?: Symbol; U?: Symbol; lambda?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _linalg_syrk: inputs (ograd, A); output A's gradient.
   */
  _backward_linalg_syrk(ograd?: Symbol | null, A?: Symbol | null, params?: { ograd?: Symbol; A?: Symbol; transpose?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_linalg_syrk(params: { ograd?: Symbol; A?: Symbol; transpose?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _linalg_trmm: inputs (ograd, A, B); outputs the gradients of A (on its triangle) and B.
   */
  _backward_linalg_trmm(ograd?: Symbol | null, A?: Symbol | null, B?: Symbol | null, params?: { ograd?: Symbol; A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_linalg_trmm(params: { ograd?: Symbol; A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of _linalg_trsm: inputs (ograd, A, B, result: the forward output); outputs the gradients of A (on its triangle) and B.
   */
  _backward_linalg_trsm(ograd?: Symbol | null, A?: Symbol | null, B?: Symbol | null, result?: Symbol | null, params?: { ograd?: Symbol; A?: Symbol; B?: Symbol; result?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_linalg_trsm(params: { ograd?: Symbol; A?: Symbol; B?: Symbol; result?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of log: ograd * dlog/dx.
   */
  _backward_log(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_log(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of log10: ograd * dlog10/dx.
   */
  _backward_log10(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_log10(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of log1p: ograd * dlog1p/dx.
   */
  _backward_log1p(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_log1p(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of log2: ograd * dlog2/dx.
   */
  _backward_log2(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_log2(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of log_softmax, from the output (in the output's dtype).
   */
  _backward_log_softmax(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_log_softmax(params: { ograd?: Symbol; output?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of max.
   */
  _backward_max(ograd?: Symbol | null, data?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; output?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_max(params: { ograd?: Symbol; data?: Symbol; output?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _maximum and broadcast_maximum: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_maximum(ograd?: Symbol | null, lhs?: Symbol | null, rhs?: Symbol | null, params?: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_maximum(params: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of _maximum_scalar.
   */
  _backward_maximum_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_maximum_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of mean.
   */
  _backward_mean(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_mean(params: { ograd?: Symbol; data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of min.
   */
  _backward_min(ograd?: Symbol | null, data?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; output?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_min(params: { ograd?: Symbol; data?: Symbol; output?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _minimum and broadcast_minimum: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_minimum(ograd?: Symbol | null, lhs?: Symbol | null, rhs?: Symbol | null, params?: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_minimum(params: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of _minimum_scalar.
   */
  _backward_minimum_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_minimum_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _minus_scalar.
   */
  _backward_minus_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_minus_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _mod and broadcast_mod: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_mod(ograd?: Symbol | null, lhs?: Symbol | null, rhs?: Symbol | null, params?: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_mod(params: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of _mod_scalar.
   */
  _backward_mod_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_mod_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of moments: inputs (ograd of mean, ograd of var, data, mean); output data's gradient (ograd_mean + 2 ograd_var (data - mean)) / n, n the number of reduced elements.
   */
  _backward_moments(ograd_mean?: Symbol | null, ograd_var?: Symbol | null, data?: Symbol | null, mean?: Symbol | null, params?: { ograd_mean?: Symbol; ograd_var?: Symbol; data?: Symbol; mean?: Symbol; axes?: number[] | number | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_moments(params: { ograd_mean?: Symbol; ograd_var?: Symbol; data?: Symbol; mean?: Symbol; axes?: number[] | number | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of elemwise_mul and broadcast_mul: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_mul(ograd?: Symbol | null, lhs?: Symbol | null, rhs?: Symbol | null, params?: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_mul(params: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of _mul_scalar.
   */
  _backward_mul_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_mul_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of nanprod.
   */
  _backward_nanprod(ograd?: Symbol | null, data?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; output?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_nanprod(params: { ograd?: Symbol; data?: Symbol; output?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of nansum.
   */
  _backward_nansum(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_nansum(params: { ograd?: Symbol; data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of negative: ograd * dnegative/dx.
   */
  _backward_negative(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_negative(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of norm.
   */
  _backward_norm(ograd?: Symbol | null, data?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; output?: Symbol; ord?: number; axis?: number[] | number | null; out_dtype?: "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_norm(params: { ograd?: Symbol; data?: Symbol; output?: Symbol; ord?: number; axis?: number[] | number | null; out_dtype?: "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of cumsum: inputs (ograd, a); the running sums of ograd from the end of each line, in a's shape and dtype.
   */
  _backward_np_cumsum(ograd?: Symbol | null, a?: Symbol | null, params?: { ograd?: Symbol; a?: Symbol; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_np_cumsum(params: { ograd?: Symbol; a?: Symbol; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradients of _random_pdf_dirichlet: inputs (ograd, sample, alpha), outputs the gradients of sample and alpha.
   */
  _backward_pdf_dirichlet(ograd?: Symbol | null, sample?: Symbol | null, alpha?: Symbol | null, params?: { ograd?: Symbol; sample?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_pdf_dirichlet(params: { ograd?: Symbol; sample?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradients of _random_pdf_exponential: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_exponential(ograd?: Symbol | null, sample?: Symbol | null, lam?: Symbol | null, params?: { ograd?: Symbol; sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_pdf_exponential(params: { ograd?: Symbol; sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradients of _random_pdf_gamma: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_gamma(ograd?: Symbol | null, sample?: Symbol | null, alpha?: Symbol | null, beta?: Symbol | null, params?: { ograd?: Symbol; sample?: Symbol; alpha?: Symbol; beta?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_pdf_gamma(params: { ograd?: Symbol; sample?: Symbol; alpha?: Symbol; beta?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradients of _random_pdf_generalized_negative_binomial: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_generalized_negative_binomial(ograd?: Symbol | null, sample?: Symbol | null, mu?: Symbol | null, alpha?: Symbol | null, params?: { ograd?: Symbol; sample?: Symbol; mu?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_pdf_generalized_negative_binomial(params: { ograd?: Symbol; sample?: Symbol; mu?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradients of _random_pdf_negative_binomial: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_negative_binomial(ograd?: Symbol | null, sample?: Symbol | null, k?: Symbol | null, p?: Symbol | null, params?: { ograd?: Symbol; sample?: Symbol; k?: Symbol; p?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_pdf_negative_binomial(params: { ograd?: Symbol; sample?: Symbol; k?: Symbol; p?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradients of _random_pdf_normal: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_normal(ograd?: Symbol | null, sample?: Symbol | null, mu?: Symbol | null, sigma?: Symbol | null, params?: { ograd?: Symbol; sample?: Symbol; mu?: Symbol; sigma?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_pdf_normal(params: { ograd?: Symbol; sample?: Symbol; mu?: Symbol; sigma?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradients of _random_pdf_poisson: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_poisson(ograd?: Symbol | null, sample?: Symbol | null, lam?: Symbol | null, params?: { ograd?: Symbol; sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_pdf_poisson(params: { ograd?: Symbol; sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradients of _random_pdf_uniform: inputs (ograd, sample, parameters), outputs the gradients of sample and of each parameter array.
   */
  _backward_pdf_uniform(ograd?: Symbol | null, sample?: Symbol | null, low?: Symbol | null, high?: Symbol | null, params?: { ograd?: Symbol; sample?: Symbol; low?: Symbol; high?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_pdf_uniform(params: { ograd?: Symbol; sample?: Symbol; low?: Symbol; high?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of pick w.r.t. data. Inputs: ograd, index, data.
   */
  _backward_pick(ograd?: Symbol | null, index?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; index?: Symbol; data?: Symbol; axis?: number | null; keepdims?: boolean; mode?: "clip" | "wrap"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_pick(params: { ograd?: Symbol; index?: Symbol; data?: Symbol; axis?: number | null; keepdims?: boolean; mode?: "clip" | "wrap"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _plus_scalar.
   */
  _backward_plus_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_plus_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _power and broadcast_power: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_power(ograd?: Symbol | null, lhs?: Symbol | null, rhs?: Symbol | null, params?: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_power(params: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of _power_scalar.
   */
  _backward_power_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_power_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of prod.
   */
  _backward_prod(ograd?: Symbol | null, data?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; output?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_prod(params: { ograd?: Symbol; data?: Symbol; output?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of radians: ograd * dradians/dx.
   */
  _backward_radians(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_radians(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of rcbrt: inputs (ograd, data); ograd * -1 / (3 * x * cbrt(x)).
   */
  _backward_rcbrt(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_rcbrt(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _rdiv_scalar.
   */
  _backward_rdiv_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_rdiv_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of reciprocal: ograd * dreciprocal/dx.
   */
  _backward_reciprocal(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_reciprocal(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of relu: ograd * drelu/dx.
   */
  _backward_relu(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_relu(params: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of repeat: sums ograd over the repetitions. Inputs: ograd, data.
   */
  _backward_repeat(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; repeats: number; axis?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_repeat(params: { ograd?: Symbol; data?: Symbol; repeats: number; axis?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _rminus_scalar.
   */
  _backward_rminus_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_rminus_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _rmod_scalar.
   */
  _backward_rmod_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_rmod_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _rpower_scalar.
   */
  _backward_rpower_scalar(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_rpower_scalar(params: { ograd?: Symbol; data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of rsqrt: ograd * drsqrt/dx.
   */
  _backward_rsqrt(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_rsqrt(params: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of _sample_multinomial's log-probability output with respect to data.
   */
  _backward_sample_multinomial(ograd?: Symbol | null, data?: Symbol | null, sample?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; sample?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_sample_multinomial(params: { ograd?: Symbol; data?: Symbol; sample?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of sigmoid: ograd * dsigmoid/dx.
   */
  _backward_sigmoid(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_sigmoid(params: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of sin: ograd * dsin/dx.
   */
  _backward_sin(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_sin(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of sinh: ograd * dsinh/dx.
   */
  _backward_sinh(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_sinh(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of slice: zeros shaped like data with the slice set to ograd. Inputs: ograd, data.
   */
  _backward_slice(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_slice(params: { ograd?: Symbol; data?: Symbol; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of slice_axis. Inputs: ograd, data.
   */
  _backward_slice_axis(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; axis: number; begin: number; end?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_slice_axis(params: { ograd?: Symbol; data?: Symbol; axis: number; begin: number; end?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of slice_like: ograd placed at the origin of zeros shaped like data. Inputs: ograd, data.
   */
  _backward_slice_like(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_slice_like(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of smooth_l1.
   */
  _backward_smooth_l1(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; scalar?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_smooth_l1(params: { ograd?: Symbol; data?: Symbol; scalar?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of softmax, from the output (in the output's dtype).
   */
  _backward_softmax(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_softmax(params: { ograd?: Symbol; output?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of softmax_cross_entropy with respect to data: inputs (ograd, data, label).
   */
  _backward_softmax_cross_entropy(ograd?: Symbol | null, data?: Symbol | null, label?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; label?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_softmax_cross_entropy(params: { ograd?: Symbol; data?: Symbol; label?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of softmin, from the output (in the output's dtype).
   */
  _backward_softmin(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_softmin(params: { ograd?: Symbol; output?: Symbol; axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of softsign: ograd * dsoftsign/dx.
   */
  _backward_softsign(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_softsign(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of sqrt: ograd * dsqrt/dx.
   */
  _backward_sqrt(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_sqrt(params: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of square: ograd * dsquare/dx.
   */
  _backward_square(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_square(params: { ograd?: Symbol; data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of elemwise_sub and broadcast_sub: (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.
   */
  _backward_sub(ograd?: Symbol | null, lhs?: Symbol | null, rhs?: Symbol | null, params?: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_sub(params: { ograd?: Symbol; lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Gradient of sum.
   */
  _backward_sum(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_sum(params: { ograd?: Symbol; data?: Symbol; axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of take w.r.t. a (a scatter-add). Inputs: ograd, indices, a.
   */
  _backward_take(ograd?: Symbol | null, indices?: Symbol | null, a?: Symbol | null, params?: { ograd?: Symbol; indices?: Symbol; a?: Symbol; axis?: number; mode?: "clip" | "raise" | "wrap"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_take(params: { ograd?: Symbol; indices?: Symbol; a?: Symbol; axis?: number; mode?: "clip" | "raise" | "wrap"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of tan: ograd * dtan/dx.
   */
  _backward_tan(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_tan(params: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of tanh: ograd * dtanh/dx.
   */
  _backward_tanh(ograd?: Symbol | null, output?: Symbol | null, params?: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_tanh(params: { ograd?: Symbol; output?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of tile: sums ograd over the repetitions. Inputs: ograd, data.
   */
  _backward_tile(ograd?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; data?: Symbol; reps: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_tile(params: { ograd?: Symbol; data?: Symbol; reps: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of sort/topk values: ograd scattered to the selected positions, zeros elsewhere. Inputs: ograd, indices (positions along axis), data.
   */
  _backward_topk(ograd?: Symbol | null, indices?: Symbol | null, data?: Symbol | null, params?: { ograd?: Symbol; indices?: Symbol; data?: Symbol; axis?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _backward_topk(params: { ograd?: Symbol; indices?: Symbol; data?: Symbol; axis?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Gradient of where: (ograd where condition else 0, 0 where condition else ograd). Inputs: ograd, condition.
   */
  _backward_where(ograd?: Symbol | null, condition?: Symbol | null, params?: { ograd?: Symbol; condition?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _backward_where(params: { ograd?: Symbol; condition?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Sums ograd over the axes where `like` was broadcast, giving like's shape.
   */
  _broadcast_backward(ograd?: Symbol | null, like?: Symbol | null, params?: { ograd?: Symbol; like?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _broadcast_backward(params: { ograd?: Symbol; like?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Adaptive average pooling: averages each (batch, channel) plane of data (batch, channel, height, width) over an output_size grid of bins. Output bin (i, j) of (Ho, Wo) averages input rows [floor(i H / Ho), ceil((i + 1) H / Ho)) and columns [floor(j W / Wo), ceil((j + 1) W / Wo)); bins overlap when the input size is not a multiple of the output size, and an output larger than the input repeats pixels. The gradient gives each pixel the sum of its bins' gradients over their areas.
   */
  _contrib_AdaptiveAvgPooling2D(data?: Symbol | null, params?: { data?: Symbol; output_size?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_AdaptiveAvgPooling2D(params: { data?: Symbol; output_size?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Resizes images by bilinear interpolation. data is (batch, channel, height, width); the output keeps batch and channel and takes the height and width that `mode` picks (see its description). Each output pixel blends the four input pixels around its source point: with align_corners=True output pixel o of n_out reads o * (n_in - 1) / (n_out - 1), with False (o + 0.5) * n_in / n_out - 0.5 (at least 0); an output axis of size 1 reads the first pixel. In mode 'like' the second input `like` gives the output height and width (its gradient is zero). The gradient spreads each output gradient over its four source pixels with the blend's weights.
   */
  _contrib_BilinearResize2D(data?: Symbol | null, like?: Symbol | null, params?: { data?: Symbol; like?: Symbol; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_BilinearResize2D(params: { data?: Symbol; like?: Symbol; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   * (registry name: CTCLoss)
   */
  _contrib_CTCLoss(data?: Symbol | null, label?: Symbol | null, data_lengths?: Symbol | null, label_lengths?: Symbol | null, params?: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_CTCLoss(params: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * SSD detection output: decodes, scores and suppresses the anchors' predictions. cls_prob (batch, classes, A) holds class probabilities, loc_pred (batch, A * 4) box offsets, anchor (1, A, 4) the anchors (corners). Per anchor the best class other than background_id gives the id (counted among the non-background classes) and score; below threshold the anchor has no detection. Boxes decode as box_decode does with std = variances (and clip to [0, 1] when clip). The detections, best score first (ties in anchor order), then go through NMS over the first nms_topk (nms_topk > 0): a kept detection suppresses later ones of its class (of any class with force_suppress) whose IoU is at least nms_threshold. Output (batch, A, 6) rows (id, score, xmin, ymin, xmax, ymax) in that order; suppressed detections and those beyond nms_topk keep their row with id -1, anchors without a detection give rows of -1 at the end. (MXNet 1.9 always treats class 0 as the background and writes wrong rows beyond nms_topk; mxlite honours background_id and keeps those rows.) The gradient is zero.
   */
  _contrib_MultiBoxDetection(cls_prob?: Symbol | null, loc_pred?: Symbol | null, anchor?: Symbol | null, params?: { cls_prob?: Symbol; loc_pred?: Symbol; anchor?: Symbol; clip?: boolean; threshold?: number; background_id?: number; nms_threshold?: number; force_suppress?: boolean; variances?: string; nms_topk?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_MultiBoxDetection(params: { cls_prob?: Symbol; loc_pred?: Symbol; anchor?: Symbol; clip?: boolean; threshold?: number; background_id?: number; nms_threshold?: number; force_suppress?: boolean; variances?: string; nms_topk?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Generates SSD anchor boxes (priors) for a feature map. For data (batch, channel, H, W) the output (1, H * W * A, 4) holds, cell by cell (row-major) and A = len(sizes) + len(ratios) - 1 anchors per cell, corner boxes (xmin, ymin, xmax, ymax) as fractions of the image: centred at ((x + offsets[1]) * step_x, (y + offsets[0]) * step_y), one anchor per size with ratios[0], then one per further ratio with sizes[0]; an anchor of size s and ratio r is s * H / W * sqrt(r) wide and s / sqrt(r) high. Only data's shape is used; the gradient is zero.
   */
  _contrib_MultiBoxPrior(data?: Symbol | null, params?: { data?: Symbol; sizes?: string; ratios?: string; clip?: boolean; steps?: string; offsets?: string; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_MultiBoxPrior(params: { data?: Symbol; sizes?: string; ratios?: string; clip?: boolean; steps?: string; offsets?: string; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * SSD training targets: matches anchors to ground-truth boxes. anchor (1, A, 4) holds corner anchors, label (batch, L, 5 or more) rows (class, xmin, ymin, xmax, ymax) -- a sample's ground truths are its rows up to the first of class -1 -- and cls_pred (batch, classes, A) the class scores (used by negative mining). Each ground truth in turn takes the free anchor of highest IoU (the best pair overall first, while that IoU exceeds 1e-6); every other anchor whose best IoU exceeds overlap_threshold matches its best ground truth. Matched anchors are positives: cls_target is their class + 1, loc_target their box encoding (box_encode's, with zero means and std = variances) and loc_mask 1. Without mining (negative_mining_ratio <= 0) every other anchor is a negative (cls_target 0); with it, of the unmatched anchors whose best IoU is below negative_mining_thresh, those of lowest background probability (softmax of cls_pred) become negatives, max(positives * ratio, minimum_negative_samples) of them at most, and the rest get ignore_label. (MXNet 1.9 ignores minimum_negative_samples and aborts when fewer candidates exist than wanted; mxlite takes them all.) Outputs: loc_target and loc_mask (batch, A * 4), cls_target (batch, A). The gradient is zero.
   */
  _contrib_MultiBoxTarget(anchor?: Symbol | null, label?: Symbol | null, cls_pred?: Symbol | null, params?: { anchor?: Symbol; label?: Symbol; cls_pred?: Symbol; overlap_threshold?: number; ignore_label?: number; negative_mining_ratio?: number; negative_mining_thresh?: number; minimum_negative_samples?: number; variances?: string; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _contrib_MultiBoxTarget(params: { anchor?: Symbol; label?: Symbol; cls_pred?: Symbol; overlap_threshold?: number; ignore_label?: number; negative_mining_ratio?: number; negative_mining_thresh?: number; minimum_negative_samples?: number; variances?: string; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Region of interest align pooling (Mask R-CNN): pools each roi of a feature map into pooled_size bins without quantising coordinates. data is (batch, channels, height, width); rois (num_rois, 5) rows (batch index, x1, y1, x2, y2) in image pixels, mapped onto data by spatial_scale (minus half a pixel when aligned). Each bin averages bilinear samples at the centres of a sample_ratio x sample_ratio grid over it (when sample_ratio <= 0, ceil(bin size) per axis); samples more than a pixel outside the map read 0, those within clamp to the border. Without aligned an roi is at least one pixel wide and high. A roi with a negative batch index gives 0 (MXNet 1.9 writes garbage there); an empty aligned roi gives 0 (MXNet aborts). Output (num_rois, channels, ph, pw), or channels / (ph * pw) with position_sensitive. The gradient reaches data; rois get 0.
   */
  _contrib_ROIAlign(data?: Symbol | null, rois?: Symbol | null, params?: { data?: Symbol; rois?: Symbol; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_ROIAlign(params: { data?: Symbol; rois?: Symbol; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Whether every element of a is close to the one of b: |a - b| <= atol + rtol * |b| (numpy.allclose, not symmetric). a and b must have the same shape. The output is a uint8 scalar (shape ()), 1 or 0; NaNs compare equal when equal_nan is true.
   */
  _contrib_allclose(a?: Symbol | null, b?: Symbol | null, params?: { a?: Symbol; b?: Symbol; rtol?: number; atol?: number; equal_nan?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_allclose(params: { a?: Symbol; b?: Symbol; rtol?: number; atol?: number; equal_nan?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Evenly spaced values shaped like data (or, with axis, like data's axis): element i is start + floor(i / repeat) * step, in data's dtype. The gradient with respect to data is zero.
   */
  _contrib_arange_like(data?: Symbol | null, params?: { data?: Symbol; start?: number; step?: number; repeat?: number; ctx?: Context | string; axis?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_arange_like(params: { data?: Symbol; start?: number; step?: number; repeat?: number; ctx?: Context | string; axis?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Greedy bipartite matching of rows to columns by score. data (..., N, M) holds a score per (row, column) pair. Visiting the pairs from the best score (highest, or lowest with is_ascend; equal scores in row-major order) while the score is beyond threshold (above it, or below with is_ascend), a pair whose row and column are both still free is matched, at most topk matches when topk > 0. Outputs: the column matched to each row (..., N) and the row matched to each column (..., M), -1 where none. (MXNet 1.9 allows topk + 1 matches; mxlite keeps to the documented topk.) The gradient is zero.
   */
  _contrib_bipartite_matching(data?: Symbol | null, params?: { data?: Symbol; is_ascend?: boolean; threshold: number; topk?: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _contrib_bipartite_matching(params: { data?: Symbol; is_ascend?: boolean; threshold: number; topk?: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Keeps the slices of data along axis whose index value is non-zero: index is 1-D with one value per position of that axis (any dtype). The output has data's shape with that axis shortened to the count of non-zero values (possibly 0). The output's shape depends on index's values, so the op runs imperatively (mx.nd) only: a symbol cannot infer it. The gradient reaches data (zero on the dropped slices).
   */
  _contrib_boolean_mask(data?: Symbol | null, index?: Symbol | null, params?: { data?: Symbol; index?: Symbol; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_boolean_mask(params: { data?: Symbol; index?: Symbol; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Decodes predicted box offsets against anchors (the inverse of box_encode with zero means). data (B, N, 4) holds offsets, anchors (1, N, 4) the anchors in `format`. Output (B, N, 4), corners: centre (ax + data[0] * std0 * aw, ay + data[1] * std1 * ah) and size (aw * exp(data[2] * std2), ah * exp(data[3] * std3)), each exponent first clipped to clip when clip > 0. The gradient is zero, as in MXNet.
   */
  _contrib_box_decode(data?: Symbol | null, anchors?: Symbol | null, params?: { data?: Symbol; anchors?: Symbol; std0?: number; std1?: number; std2?: number; std3?: number; clip?: number; format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_box_decode(params: { data?: Symbol; anchors?: Symbol; std0?: number; std1?: number; std2?: number; std3?: number; clip?: number; format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Encodes the regression targets of matched anchors (SSD / Faster R-CNN box encoding). samples (B, N): > 0.5 marks a positive anchor; matches (B, N): the index of its reference box in refs; anchors (B, N, 4) and refs (B, M, 4) as corners; means and stds (4,). For a positive anchor the target is (((gx - ax) / aw, (gy - ay) / ah, log(gw / aw), log(gh / ah)) - means) / stds, from the centres and sizes of reference g and anchor a, and its mask is 1; other anchors get target and mask 0. Outputs: targets and masks, both (B, N, 4). A positive sample whose match does not index refs is an error. The gradient is zero.
   */
  _contrib_box_encode(samples?: Symbol | null, matches?: Symbol | null, anchors?: Symbol | null, refs?: Symbol | null, means?: Symbol | null, stds?: Symbol | null, params?: { samples?: Symbol; matches?: Symbol; anchors?: Symbol; refs?: Symbol; means?: Symbol; stds?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _contrib_box_encode(params: { samples?: Symbol; matches?: Symbol; anchors?: Symbol; refs?: Symbol; means?: Symbol; stds?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Intersection over union of every pair of boxes: lhs (..., 4) and rhs (..., 4) give an output of shape lhs.shape[:-1] + rhs.shape[:-1]. Pairs that do not overlap, and empty or inverted boxes, give 0. As in MXNet the gradient is zero.
   */
  _contrib_box_iou(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_box_iou(params: { lhs?: Symbol; rhs?: Symbol; format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Non-maximum suppression of boxes. data is (..., N, K): N rows of K values per batch, each holding 4 box coordinates from coord_start, a score at score_index and optionally a class id at id_index. Rows whose score does not exceed valid_thresh, and with id_index those of class background_id, are dropped; of the rest, only the topk best-scoring take part (topk > 0). Visiting them from the best score down (equal scores in row order), each row not yet suppressed is kept and suppresses every later row whose IoU with it exceeds overlap_thresh (with id_index and force_suppress=False, only rows of its own class). The output has data's shape: the kept rows, best first, their coordinates converted from in_format to out_format, then rows of -1. The gradient of each kept output row goes back to the input row it came from; dropped and suppressed rows get 0.
   */
  _contrib_box_nms(data?: Symbol | null, params?: { data?: Symbol; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_box_nms(params: { data?: Symbol; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Non-maximum suppression of boxes. data is (..., N, K): N rows of K values per batch, each holding 4 box coordinates from coord_start, a score at score_index and optionally a class id at id_index. Rows whose score does not exceed valid_thresh, and with id_index those of class background_id, are dropped; of the rest, only the topk best-scoring take part (topk > 0). Visiting them from the best score down (equal scores in row order), each row not yet suppressed is kept and suppresses every later row whose IoU with it exceeds overlap_thresh (with id_index and force_suppress=False, only rows of its own class). The output has data's shape: the kept rows, best first, their coordinates converted from in_format to out_format, then rows of -1. The gradient of each kept output row goes back to the input row it came from; dropped and suppressed rows get 0.
   * (registry name: _contrib_box_nms)
   */
  _contrib_box_non_maximum_suppression(data?: Symbol | null, params?: { data?: Symbol; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_box_non_maximum_suppression(params: { data?: Symbol; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   * (registry name: CTCLoss)
   */
  _contrib_ctc_loss(data?: Symbol | null, label?: Symbol | null, data_lengths?: Symbol | null, label_lengths?: Symbol | null, params?: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_ctc_loss(params: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Divides data by the square root of the size of its last axis (attention score scaling). Integer dtypes keep their dtype (the quotient truncates).
   */
  _contrib_div_sqrt_dim(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_div_sqrt_dim(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Identity in the forward pass; multiplies the gradient by scalar in the backward pass (e.g. -1 for a gradient reversal layer).
   */
  _contrib_gradientmultiplier(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_gradientmultiplier(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The index of every element of data: output (*data.shape, len(axes)) int64 holds, at each position, its coordinates along axes (default: all axes, in order). Not differentiable (its output is integer).
   */
  _contrib_index_array(data?: Symbol | null, params?: { data?: Symbol; axes?: number[] | number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_index_array(params: { data?: Symbol; axes?: number[] | number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Copies the rows of new_tensor into old_tensor at the row positions index_vector gives: output[index[j]] = new_tensor[j], the other rows as old_tensor's. Indices must be in [0, len(old_tensor)). The gradient reaches old_tensor (zero on the replaced rows) and new_tensor (the replaced rows of ograd).
   */
  _contrib_index_copy(old_tensor?: Symbol | null, index_vector?: Symbol | null, new_tensor?: Symbol | null, params?: { old_tensor?: Symbol; index_vector?: Symbol; new_tensor?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_index_copy(params: { old_tensor?: Symbol; index_vector?: Symbol; new_tensor?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Encoder-decoder attention scores from interleaved projections. queries is (query_length, batch, heads * head_dim); keys_values (key_length, batch, heads * 2 * head_dim), the key and value of each head side by side. The output (batch * heads, query_length, key_length) holds (q / sqrt(head_dim)) k^T per head.
   */
  _contrib_interleaved_matmul_encdec_qk(queries?: Symbol | null, keys_values?: Symbol | null, params?: { queries?: Symbol; keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_interleaved_matmul_encdec_qk(params: { queries?: Symbol; keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Encoder-decoder attention output from interleaved keys/values and attention weights. keys_values is (key_length, batch, heads * 2 * head_dim) as for interleaved_matmul_encdec_qk; attention (batch * heads, query_length, key_length). The output (query_length, batch, heads * head_dim) holds attention v per head, the heads side by side.
   */
  _contrib_interleaved_matmul_encdec_valatt(keys_values?: Symbol | null, attention?: Symbol | null, params?: { keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_interleaved_matmul_encdec_valatt(params: { keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Self-attention scores from interleaved projections. queries_keys_values is (seq_length, batch, heads * 3 * head_dim), the query, key and value of each head side by side. The output (batch * heads, seq_length, seq_length) holds, for head h of sample b at row b * heads + h, (q / sqrt(head_dim)) k^T.
   */
  _contrib_interleaved_matmul_selfatt_qk(queries_keys_values?: Symbol | null, params?: { queries_keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_interleaved_matmul_selfatt_qk(params: { queries_keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Self-attention output from interleaved projections and attention weights. queries_keys_values is (seq_length, batch, heads * 3 * head_dim) as for interleaved_matmul_selfatt_qk; attention (batch * heads, seq_length, seq_length). The output (seq_length, batch, heads * head_dim) holds attention v per head, the heads side by side.
   */
  _contrib_interleaved_matmul_selfatt_valatt(queries_keys_values?: Symbol | null, attention?: Symbol | null, params?: { queries_keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_interleaved_matmul_selfatt_valatt(params: { queries_keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * a * x^2 + b * x + c for every element x of data.
   */
  _contrib_quadratic(data?: Symbol | null, params?: { data?: Symbol; a?: number; b?: number; c?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_quadratic(params: { data?: Symbol; a?: number; b?: number; c?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Rounds to the nearest integer (halves away from zero) with a straight-through gradient: the gradient passes unchanged, as if the op were the identity.
   */
  _contrib_round_ste(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_round_ste(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The sign (-1, 0 or 1) with a straight-through gradient: the gradient passes unchanged, as if the op were the identity.
   */
  _contrib_sign_ste(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _contrib_sign_ste(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Returns a copy of the input.
   */
  _copy(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _copy(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * lhs with the slice begin/end/step replaced by rhs (x[...] = y).
   * (registry name: _slice_assign)
   */
  _crop_assign(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _crop_assign(params: { lhs?: Symbol; rhs?: Symbol; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * data with the slice begin/end/step set to scalar (x[...] = v).
   * (registry name: _slice_assign_scalar)
   */
  _crop_assign_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _crop_assign_scalar(params: { data?: Symbol; scalar?: number; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) two arrays of the same shape, elementwise.
   * (registry name: elemwise_div)
   */
  _div(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _div(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) an array and a scalar, elementwise.
   */
  _div_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _div_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (==, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (==, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _equal_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _equal_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * A 2-D array with ones on the k-th diagonal and zeros elsewhere.
   */
  _eye(params?: { N: number; M?: number; k?: number; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * An array filled with value.
   */
  _full(params?: { shape?: number[] | number; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; value: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Adds two arrays of the same shape, elementwise.
   * (registry name: elemwise_add)
   */
  _grad_add(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _grad_add(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (>, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _greater(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _greater(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (>=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _greater_equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _greater_equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (>=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _greater_equal_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _greater_equal_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (>, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _greater_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _greater_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Counts data's elements in bins. Either bin_cnt and range: bin_cnt equal bins over range (min, max); or neither, and a second input bins holding the increasing bin edges. Each bin is [e_i, e_i+1) but the last, which is closed; values outside the edges and NaN are not counted. Outputs the counts (int64) and the bin edges (data's dtype), against which the counts are made.
   */
  _histogram(data?: Symbol | null, bins?: Symbol | null, params?: { data?: Symbol; bins?: Symbol; bin_cnt?: number | null; range?: string | null; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _histogram(params: { data?: Symbol; bins?: Symbol; bin_cnt?: number | null; range?: string | null; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Computes sqrt(a^2 + b^2) of two arrays of the same shape, elementwise.
   */
  _hypot(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _hypot(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes sqrt(a^2 + b^2) of an array and a scalar, elementwise.
   */
  _hypot_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _hypot_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (<, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _lesser(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _lesser(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (<=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _lesser_equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _lesser_equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (<=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _lesser_equal_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _lesser_equal_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (<, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _lesser_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _lesser_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes the determinant of a matrix: out = det(A). A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. Computed from an LU factorization with partial pivoting; a singular matrix gives 0 (and a zero gradient). float32 and float64.
   */
  _linalg_det(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_det(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Extracts the diagonal entries of a square matrix. A has shape (..., n, n); out has shape (..., n - |offset|): the diagonal at `offset` (above the main one when positive, below it when negative). float32 and float64.
   */
  _linalg_extractdiag(A?: Symbol | null, params?: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_extractdiag(params: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Extracts a triangular sub-matrix from a square matrix, packed into a vector. A has shape (..., n, n); out has shape (..., m (m + 1) / 2) with m = n - |offset|. offset < 0 takes the triangle below the diagonal at `offset`, offset > 0 the one above it, offset = 0 the lower (lower=True) or upper triangle with the diagonal. A lower triangle is packed row by row, an upper one column by column. float32 and float64.
   */
  _linalg_extracttrian(A?: Symbol | null, params?: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_extracttrian(params: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * LQ factorization for general matrix: A = L * Q, outputs (Q, L). A has shape (..., m, n) with m <= n; Q has shape (..., m, n) with orthonormal rows, L shape (..., m, m), lower triangular. Householder reflections with LAPACK's sign conventions (L's diagonal may be negative). float32 and float64.
   */
  _linalg_gelqf(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _linalg_gelqf(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Performs general matrix multiplication and accumulation: out = alpha * op(A) * op(B) + beta * C, op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A, B and C. float32 and float64.
   */
  _linalg_gemm(A?: Symbol | null, B?: Symbol | null, C?: Symbol | null, params?: { A?: Symbol; B?: Symbol; C?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_gemm(params: { A?: Symbol; B?: Symbol; C?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs general matrix multiplication: out = alpha * op(A) * op(B), op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A and B. float32 and float64.
   */
  _linalg_gemm2(A?: Symbol | null, B?: Symbol | null, params?: { A?: Symbol; B?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_gemm2(params: { A?: Symbol; B?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes the inverse of a matrix: out = A^-1. A has shape (..., n, n): the matrices are on the last two axes and every leading axis is a batch axis. A singular matrix is an error. float32 and float64.
   */
  _linalg_inverse(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_inverse(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Constructs a square matrix with the input as diagonal. A has shape (..., k); out has shape (..., n, n) with n = k + |offset|, zero except the diagonal at `offset`, which holds A. float32 and float64.
   */
  _linalg_makediag(A?: Symbol | null, params?: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_makediag(params: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Constructs a square matrix from a packed triangle (the inverse of _linalg_extracttrian). A has shape (..., k) with k = m (m + 1) / 2; out has shape (..., n, n) with n = m + |offset|, zero outside the triangle that offset and lower name (see _linalg_extracttrian). float32 and float64.
   */
  _linalg_maketrian(A?: Symbol | null, params?: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_maketrian(params: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs Cholesky factorization of a symmetric positive-definite matrix: out = L, the lower triangular matrix with A = L * L^T. Only the lower triangle of A is read; the upper triangle of out is zero. A has shape (..., n, n). A matrix that is not positive definite is an error. The gradient is symmetric (A is taken as symmetric). float32 and float64.
   */
  _linalg_potrf(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_potrf(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs matrix inversion from a Cholesky factorization: out = (A * A^T)^-1 for A the lower triangular factor that _linalg_potrf returns. Only the lower triangle of A is read. A has shape (..., n, n). A zero on A's diagonal is an error. float32 and float64.
   */
  _linalg_potri(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_potri(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes the sign and the natural logarithm of the absolute value of the determinant of a matrix: (sign, logabsdet) with det(A) = sign * exp(logabsdet). A has shape (..., n, n); both outputs have the batch shape (...), or (1,) for a single matrix. A singular matrix gives sign 0 and logabsdet -inf. Only logabsdet has a gradient (A^-T). float32 and float64.
   */
  _linalg_slogdet(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _linalg_slogdet(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Computes the sum of the logarithms of the diagonal elements of a square matrix. A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. A negative diagonal element gives nan. float32 and float64.
   */
  _linalg_sumlogdiag(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_sumlogdiag(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Eigendecomposition for symmetric matrix: A = U^T * diag(lambda) * U, outputs (U, lambda). A has shape (..., n, n) and is taken as symmetric (its lower triangle is read). U has shape (..., n, n), its rows the orthonormal eigenvectors, each with its largest-magnitude entry positive; lambda has shape (..., n), ascending. Computed by cyclic Jacobi rotations. The gradient assumes distinct eigenvalues. float32 and float64.
   */
  _linalg_syevd(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  _linalg_syevd(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Multiplication of a matrix with its transpose: out = alpha * A * A^T, or alpha * A^T * A with transpose=True. A has shape (..., m, n); out has shape (..., m, m), or (..., n, n) with transpose=True. float32 and float64.
   */
  _linalg_syrk(A?: Symbol | null, params?: { A?: Symbol; transpose?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_syrk(params: { A?: Symbol; transpose?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs multiplication with a triangular matrix: out = alpha * op(A) * B, or alpha * B * op(A) with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. float32 and float64.
   */
  _linalg_trmm(A?: Symbol | null, B?: Symbol | null, params?: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_trmm(params: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Solves a matrix equation with a triangular matrix: out = alpha * op(A)^-1 * B, or alpha * B * op(A)^-1 with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. A zero on A's diagonal gives inf/nan, as LAPACK's trsm. float32 and float64.
   */
  _linalg_trsm(A?: Symbol | null, B?: Symbol | null, params?: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _linalg_trsm(params: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * num evenly spaced values from start to stop (inclusive when endpoint).
   */
  _linspace(params?: { start: number; stop: number; num: number; endpoint?: boolean; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical and (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   */
  _logical_and(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _logical_and(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical and (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   */
  _logical_and_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _logical_and_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical or (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   */
  _logical_or(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _logical_or(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical or (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   */
  _logical_or_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _logical_or_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical xor (1 or 0 in the input dtype) of two arrays of the same shape, elementwise.
   */
  _logical_xor(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _logical_xor(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logical xor (1 or 0 in the input dtype) of an array and a scalar, elementwise.
   */
  _logical_xor_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _logical_xor_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the maximum of two arrays of the same shape, elementwise.
   */
  _maximum(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _maximum(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the maximum of an array and a scalar, elementwise.
   */
  _maximum_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _maximum_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the minimum of two arrays of the same shape, elementwise.
   */
  _minimum(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _minimum(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the minimum of an array and a scalar, elementwise.
   */
  _minimum_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _minimum_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Subtracts two arrays of the same shape, elementwise.
   * (registry name: elemwise_sub)
   */
  _minus(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _minus(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Subtracts an array and a scalar, elementwise.
   */
  _minus_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _minus_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the modulo (sign of the divisor, like Python) of two arrays of the same shape, elementwise.
   */
  _mod(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _mod(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the modulo (sign of the divisor, like Python) of an array and a scalar, elementwise.
   */
  _mod_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _mod_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Update function for multi-precision AdamW optimizer: as _adamw_update on the float32 master copy weight32 with float32 moments (all updated in place); the output is weight32 cast to the weight's dtype.
   */
  _mp_adamw_update(weight?: Symbol | null, grad?: Symbol | null, mean?: Symbol | null, var_?: Symbol | null, weight32?: Symbol | null, rescale_grad?: Symbol | null, params?: { weight?: Symbol; grad?: Symbol; mean?: Symbol; var?: Symbol; weight32?: Symbol; rescale_grad?: Symbol; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; eta: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _mp_adamw_update(params: { weight?: Symbol; grad?: Symbol; mean?: Symbol; var?: Symbol; weight32?: Symbol; rescale_grad?: Symbol; lr: number; beta1?: number; beta2?: number; epsilon?: number; wd?: number; eta: number; clip_gradient?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Multiplies two arrays of the same shape, elementwise.
   * (registry name: elemwise_mul)
   */
  _mul(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _mul(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Multiplies an array and a scalar, elementwise.
   */
  _mul_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _mul_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Updates num_weights weights and their moment estimates in one call, each exactly as _adamw_update (AdamW, decoupled weight decay) with its own learning rate, weight decay and schedule multiplier::   grad_i = clip(rescale_grad * grad_i)   mean_i = beta1 * mean_i + (1 - beta1) * grad_i
   */
  _multi_adamw_update(...args: Array<Symbol | Symbol[] | { lrs?: string; beta1?: number; beta2?: number; epsilon?: number; wds?: string; etas?: string; clip_gradient?: number; num_weights?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Updates num_weights weights and their moment estimates in one call, each exactly as _adamw_update (AdamW, decoupled weight decay) with its own learning rate, weight decay and schedule multiplier::   grad_i = clip(rescale_grad * grad_i)   mean_i = beta1 * mean_i + (1 - beta1) * grad_i
   */
  _multi_mp_adamw_update(...args: Array<Symbol | Symbol[] | { lrs?: string; beta1?: number; beta2?: number; epsilon?: number; wds?: string; etas?: string; clip_gradient?: number; num_weights?: number; name?: string; attr?: { [key: string]: string } }>): Symbol | Symbol[];
  /**
   * Compares (!=, 1 or 0 in the input dtype) two arrays of the same shape, elementwise.
   */
  _not_equal(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _not_equal(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Compares (!=, 1 or 0 in the input dtype) an array and a scalar, elementwise.
   */
  _not_equal_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _not_equal_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Return the cumulative sum of the elements along a given axis. With axis None the sum runs over the flattened array and the output is 1-D. The output dtype is dtype when given, else the input's (int64 for bool); values are converted to it before they are summed.
   */
  _np_cumsum(a?: Symbol | null, params?: { a?: Symbol; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _np_cumsum(params: { a?: Symbol; axis?: number | null; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Batch normalization. Normalizes a data batch by mean and variance per channel (axis), and applies a scale gamma and offset beta: out = (data - mean) / sqrt(var + eps) * gamma + beta. In training (is_train and not use_global_stats) mean and var come from the batch and the auxiliary states are updated: moving_mean = moving_mean * momentum + mean * (1 - momentum), likewise moving_var with the biased batch variance; otherwise the moving statistics are used. fix_gamma treats gamma as 1. With output_mean_var the mean and the inverse std are also returned.
   * (registry name: BatchNorm)
   */
  _npx_batch_norm(data?: Symbol | null, gamma?: Symbol | null, beta?: Symbol | null, moving_mean?: Symbol | null, moving_var?: Symbol | null, params?: { data?: Symbol; gamma?: Symbol; beta?: Symbol; moving_mean?: Symbol; moving_var?: Symbol; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  _npx_batch_norm(params: { data?: Symbol; gamma?: Symbol; beta?: Symbol; moving_mean?: Symbol; moving_var?: Symbol; eps?: number; momentum?: number; fix_gamma?: boolean; use_global_stats?: boolean; output_mean_var?: boolean; axis?: number; cudnn_off?: boolean; min_calib_range?: number | null; max_calib_range?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Compute N-D convolution on (N+2)-D input (NCW, NCHW or NCDHW). out[n, f] = bias[f] + sum over c, window of weight[f, c] * data[n, c]; the output spatial size is floor((x + 2*pad - dilate*(kernel-1) - 1) / stride) + 1. weight has shape (num_filter, channels / num_group, *kernel) and bias (num_filter,). With num_group > 1 the channels are split into independent groups.
   * (registry name: Convolution)
   */
  _npx_convolution(data?: Symbol | null, weight?: Symbol | null, bias?: Symbol | null, params?: { data?: Symbol; weight?: Symbol; bias?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _npx_convolution(params: { data?: Symbol; weight?: Symbol; bias?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes 1-D, 2-D or 3-D transposed convolution (aka fractionally strided convolution) of the input tensor: the gradient of Convolution with respect to its data. The output spatial size is stride*(x-1) + dilate*(kernel-1) + 1 - 2*pad + adj, or target_shape when given. weight has shape (channels, num_filter / num_group, *kernel) and bias (num_filter,).
   * (registry name: Deconvolution)
   */
  _npx_deconvolution(data?: Symbol | null, weight?: Symbol | null, bias?: Symbol | null, params?: { data?: Symbol; weight?: Symbol; bias?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _npx_deconvolution(params: { data?: Symbol; weight?: Symbol; bias?: Symbol; kernel: number[] | number; stride?: number[] | number; dilate?: number[] | number; pad?: number[] | number; adj?: number[] | number; target_shape?: number[] | number; num_filter: number; num_group?: number; workspace?: number; no_bias?: boolean; cudnn_tune?: "fastest" | "limited_workspace" | "off" | null; cudnn_off?: boolean; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Layer normalization. Normalizes the channels of the input along the given axis: out = (data - mean(data, axis)) / sqrt(var(data, axis) + eps) * gamma + beta, with gamma and beta of shape (data.shape[axis],). With output_mean_var the mean and std (sqrt(var + eps)) are also returned, with the axis kept as size 1.
   * (registry name: LayerNorm)
   */
  _npx_layer_norm(data?: Symbol | null, gamma?: Symbol | null, beta?: Symbol | null, params?: { data?: Symbol; gamma?: Symbol; beta?: Symbol; axis?: number; eps?: number; output_mean_var?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  _npx_layer_norm(params: { data?: Symbol; gamma?: Symbol; beta?: Symbol; axis?: number; eps?: number; output_mean_var?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Performs pooling on the input (NCW, NCHW or NCDHW). pool_type: max, avg (divides by the padded window size unless count_include_pad is False), sum, or lp ((sum x^p)^(1/p), p_value 1, 2 or 3). Output size per spatial dim: valid: floor((x + 2*pad - kernel) / stride) + 1; full: the same with ceil; same: ceil(x / stride). global_pool pools each whole feature map to size 1.
   * (registry name: Pooling)
   */
  _npx_pooling(data?: Symbol | null, params?: { data?: Symbol; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _npx_pooling(params: { data?: Symbol; kernel?: number[] | number; pool_type?: "max" | "avg" | "sum" | "lp"; global_pool?: boolean; cudnn_off?: boolean; pooling_convention?: "full" | "same" | "valid"; stride?: number[] | number; pad?: number[] | number; p_value?: number | null; count_include_pad?: boolean | null; layout?: "NCDHW" | "NCHW" | "NCW" | "NDHWC" | "NHWC" | "NWC" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * One-hot rows: output, shaped and typed like rhs (rows, columns), is 1 at [i, lhs[i]] and 0 elsewhere; lhs (rows,) holds 0-based indices in [0, columns). rhs only gives the shape and dtype (MXNet's legacy op; one_hot is the general one).
   */
  _onehot_encode(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _onehot_encode(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * An array of ones.
   */
  _ones(params?: { shape?: number[] | number; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Adds two arrays of the same shape, elementwise.
   * (registry name: elemwise_add)
   */
  _plus(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _plus(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Adds an array and a scalar, elementwise.
   */
  _plus_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _plus_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Raises to a power two arrays of the same shape, elementwise.
   */
  _power(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _power(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Raises to a power an array and a scalar, elementwise.
   */
  _power_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _power_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam).
   */
  _random_exponential(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_exponential_like(data?: Symbol | null, params?: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_exponential_like(params: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta.
   */
  _random_gamma(params?: { alpha?: number; beta?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_gamma_like(data?: Symbol | null, params?: { data?: Symbol; alpha?: number; beta?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_gamma_like(params: { data?: Symbol; alpha?: number; beta?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2; alpha 0 is Poisson(mu)).
   */
  _random_generalized_negative_binomial(params?: { mu?: number; alpha?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_generalized_negative_binomial_like(data?: Symbol | null, params?: { data?: Symbol; mu?: number; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_generalized_negative_binomial_like(params: { data?: Symbol; mu?: number; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the negative binomial distribution, as floats: the number of failures before k successes, each of probability p (mean k(1-p)/p).
   */
  _random_negative_binomial(params?: { k?: number; p?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the negative binomial distribution, as floats: the failures before k successes of probability p, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_negative_binomial_like(data?: Symbol | null, params?: { data?: Symbol; k?: number; p?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_negative_binomial_like(params: { data?: Symbol; k?: number; p?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the normal distribution N(loc, scale^2).
   */
  _random_normal(params?: { loc?: number; scale?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the normal distribution N(loc, scale^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_normal_like(data?: Symbol | null, params?: { data?: Symbol; loc?: number; scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_normal_like(params: { data?: Symbol; loc?: number; scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under Dirichlet distributions: alpha (P..., k) holds one distribution's concentrations (> 0) per row of its last axis, sample has shape P + (draws...) + (k,), and the output P + (draws...) holds the density of each k-vector (not projected onto the simplex; a negative component gives 0). With is_log, the log-density. The gradient reaches sample and alpha.
   */
  _random_pdf_dirichlet(sample?: Symbol | null, alpha?: Symbol | null, params?: { sample?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_pdf_dirichlet(params: { sample?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under exponential distributions with rates lam (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_exponential(sample?: Symbol | null, lam?: Symbol | null, params?: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_pdf_exponential(params: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under gamma distributions with shapes alpha (> 0) and rates beta (> 0): beta^alpha x^(alpha-1) e^(-beta x) / Gamma(alpha), the values MXNet 1.9 computes, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_gamma(sample?: Symbol | null, alpha?: Symbol | null, beta?: Symbol | null, params?: { sample?: Symbol; alpha?: Symbol; beta?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_pdf_gamma(params: { sample?: Symbol; alpha?: Symbol; beta?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under generalized negative binomial distributions with means mu (>= 0) and dispersions alpha (>= 0; 0 is Poisson(mu)), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_generalized_negative_binomial(sample?: Symbol | null, mu?: Symbol | null, alpha?: Symbol | null, params?: { sample?: Symbol; mu?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_pdf_generalized_negative_binomial(params: { sample?: Symbol; mu?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under negative binomial distributions: the number of failures x before k (> 0) successes of probability p (in (0, 1]), C(x+k-1, x) p^k (1-p)^x, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_negative_binomial(sample?: Symbol | null, k?: Symbol | null, p?: Symbol | null, params?: { sample?: Symbol; k?: Symbol; p?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_pdf_negative_binomial(params: { sample?: Symbol; k?: Symbol; p?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under normal distributions with means mu and standard deviations sigma (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_normal(sample?: Symbol | null, mu?: Symbol | null, sigma?: Symbol | null, params?: { sample?: Symbol; mu?: Symbol; sigma?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_pdf_normal(params: { sample?: Symbol; mu?: Symbol; sigma?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under Poisson distributions with means lam (>= 0; samples need not be whole: Gamma-function form), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_poisson(sample?: Symbol | null, lam?: Symbol | null, params?: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_pdf_poisson(params: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under uniform distributions on [low, high] (low < high), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   */
  _random_pdf_uniform(sample?: Symbol | null, low?: Symbol | null, high?: Symbol | null, params?: { sample?: Symbol; low?: Symbol; high?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_pdf_uniform(params: { sample?: Symbol; low?: Symbol; high?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the Poisson distribution with mean lam (as floats).
   */
  _random_poisson(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the Poisson distribution with mean lam (as floats), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_poisson_like(data?: Symbol | null, params?: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_poisson_like(params: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples integers uniformly from [low, high).
   */
  _random_randint(params?: { low: number; high: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "int32" | "int64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the uniform distribution on [low, high).
   */
  _random_uniform(params?: { low?: number; high?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the uniform distribution on [low, high), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   */
  _random_uniform_like(data?: Symbol | null, params?: { data?: Symbol; low?: number; high?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _random_uniform_like(params: { data?: Symbol; low?: number; high?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Converts a batch of index arrays into an array of flat indices. data is (len(shape), N): column i holds one multi-index; the output (N,) holds sum_k data[k, i] * prod(shape[k+1:]). The output has data's dtype; indices are not range-checked (as MXNet).
   */
  _ravel_multi_index(data?: Symbol | null, params?: { data?: Symbol; shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _ravel_multi_index(params: { data?: Symbol; shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Divides (integers truncate toward zero; integer division by zero is an error) a scalar and an array (scalar first), elementwise.
   */
  _rdiv_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _rdiv_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Subtracts a scalar and an array (scalar first), elementwise.
   */
  _rminus_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _rminus_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes the modulo (sign of the divisor, like Python) of a scalar and an array (scalar first), elementwise.
   */
  _rmod_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _rmod_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Raises to a power a scalar and an array (scalar first), elementwise.
   */
  _rpower_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  _rpower_scalar(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from exponential distributions with rates lam (means 1/lam), one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_exponential(lam?: Symbol | null, params?: { lam?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _sample_exponential(params: { lam?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from gamma distributions with shapes alpha (>= 0; 0 gives 0) and scales beta, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_gamma(alpha?: Symbol | null, beta?: Symbol | null, params?: { alpha?: Symbol; beta?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _sample_gamma(params: { alpha?: Symbol; beta?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from generalized negative binomial distributions, as floats, with means mu and dispersions alpha (>= 0; 0 is Poisson): variance mu + alpha mu^2, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_generalized_negative_binomial(mu?: Symbol | null, alpha?: Symbol | null, params?: { mu?: Symbol; alpha?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _sample_generalized_negative_binomial(params: { mu?: Symbol; alpha?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws outcome indices from multinomial (categorical) distributions: data (..., k) holds one distribution over k outcomes per row of its last axis, and must sum to 1 along it. The draws have shape data.shape[:-1] + shape (one draw per row when shape is ()). With get_prob, a second output holds the log-probability of each draw (data's dtype), whose gradient reaches data.
   */
  _sample_multinomial(data?: Symbol | null, params?: { data?: Symbol; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  _sample_multinomial(params: { data?: Symbol; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Draws from negative binomial distributions, as floats: the number of failures before k (>= 0, need not be whole) successes of probability p (in (0, 1]); mean k(1-p)/p, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_negative_binomial(k?: Symbol | null, p?: Symbol | null, params?: { k?: Symbol; p?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _sample_negative_binomial(params: { k?: Symbol; p?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from normal distributions with means mu and standard deviations sigma, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_normal(mu?: Symbol | null, sigma?: Symbol | null, params?: { mu?: Symbol; sigma?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _sample_normal(params: { mu?: Symbol; sigma?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from Poisson distributions with means lam (lam <= 0 gives 0), as floats, one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_poisson(lam?: Symbol | null, params?: { lam?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _sample_poisson(params: { lam?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws from uniform distributions on [low, high), one distribution per element of the parameter arrays (which share one shape [s]). With shape [t] the output has shape [s] + [t] and out[i] holds prod([t]) draws from the distribution at index i; without it, one draw per distribution. Output is float32 unless dtype says otherwise.
   */
  _sample_uniform(low?: Symbol | null, high?: Symbol | null, params?: { low?: Symbol; high?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  _sample_uniform(params: { low?: Symbol; high?: Symbol; shape?: number[] | number; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws, for each of shape[0] rows, shape[1] distinct classes in [0, range_max) from the log-uniform (Zipfian) distribution P(v) = log((v + 2) / (v + 1)) / log(range_max + 1), redrawing repeats. Outputs the samples (shape, int64) and num_tries (shape[0],), int64: the draws each row took (for sampled-softmax corrections).
   */
  _sample_unique_zipfian(params?: { range_max: number; shape?: number[] | number | null; ctx?: Context | string; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Randomly permutes data along its first axis (rows keep their contents); the permutation comes from the random generator, so mx.random.seed makes it reproducible. Any dtype; not differentiable.
   */
  _shuffle(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _shuffle(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * lhs with the slice begin/end/step replaced by rhs (x[...] = y).
   */
  _slice_assign(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _slice_assign(params: { lhs?: Symbol; rhs?: Symbol; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * data with the slice begin/end/step set to scalar (x[...] = v).
   */
  _slice_assign_scalar(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _slice_assign_scalar(params: { data?: Symbol; scalar?: number; begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Splits data along axis into parts (mx.nd.split_v2 / mx.sym.split_v2 call it). sections > 0: that many parts, sizes as numpy.array_split (the first len % sections one longer). Else indices (starting with 0, non-decreasing) are the parts' first positions: part k is [indices[k], indices[k+1]) and the last runs to the end. squeeze_axis drops the axis from parts of length 1 (every part must have length 1).
   */
  _split_v2(data?: Symbol | null, params?: { data?: Symbol; indices?: number[] | number; axis?: number; squeeze_axis?: boolean; sections?: number; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  _split_v2(params: { data?: Symbol; indices?: number[] | number; axis?: number; squeeze_axis?: boolean; sections?: number; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Subtracts two arrays of the same shape, elementwise.
   * (registry name: elemwise_sub)
   */
  _sub(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  _sub(params: { lhs?: Symbol; rhs?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Converts an array of flat indices into a batch of index arrays. The output is (len(shape),) + data.shape: for each flat index v, the multi-index with v = sum_k out[k] * prod(shape[k+1:]); the first coordinate is not wrapped. The output has data's dtype.
   */
  _unravel_index(data?: Symbol | null, params?: { data?: Symbol; shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  _unravel_index(params: { data?: Symbol; shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * An array of zeros.
   */
  _zeros(params?: { shape?: number[] | number; ctx?: Context | string; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
}

export interface SymContribOps {
  /**
   * Adaptive average pooling: averages each (batch, channel) plane of data (batch, channel, height, width) over an output_size grid of bins. Output bin (i, j) of (Ho, Wo) averages input rows [floor(i H / Ho), ceil((i + 1) H / Ho)) and columns [floor(j W / Wo), ceil((j + 1) W / Wo)); bins overlap when the input size is not a multiple of the output size, and an output larger than the input repeats pixels. The gradient gives each pixel the sum of its bins' gradients over their areas.
   * (registry name: _contrib_AdaptiveAvgPooling2D)
   */
  AdaptiveAvgPooling2D(data?: Symbol | null, params?: { data?: Symbol; output_size?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  AdaptiveAvgPooling2D(params: { data?: Symbol; output_size?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Resizes images by bilinear interpolation. data is (batch, channel, height, width); the output keeps batch and channel and takes the height and width that `mode` picks (see its description). Each output pixel blends the four input pixels around its source point: with align_corners=True output pixel o of n_out reads o * (n_in - 1) / (n_out - 1), with False (o + 0.5) * n_in / n_out - 0.5 (at least 0); an output axis of size 1 reads the first pixel. In mode 'like' the second input `like` gives the output height and width (its gradient is zero). The gradient spreads each output gradient over its four source pixels with the blend's weights.
   * (registry name: _contrib_BilinearResize2D)
   */
  BilinearResize2D(data?: Symbol | null, like?: Symbol | null, params?: { data?: Symbol; like?: Symbol; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  BilinearResize2D(params: { data?: Symbol; like?: Symbol; height?: number; width?: number; scale_height?: number | null; scale_width?: number | null; mode?: "like" | "odd_scale" | "size" | "to_even_down" | "to_even_up" | "to_odd_down" | "to_odd_up"; align_corners?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   */
  CTCLoss(data?: Symbol | null, label?: Symbol | null, data_lengths?: Symbol | null, label_lengths?: Symbol | null, params?: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  CTCLoss(params: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * SSD detection output: decodes, scores and suppresses the anchors' predictions. cls_prob (batch, classes, A) holds class probabilities, loc_pred (batch, A * 4) box offsets, anchor (1, A, 4) the anchors (corners). Per anchor the best class other than background_id gives the id (counted among the non-background classes) and score; below threshold the anchor has no detection. Boxes decode as box_decode does with std = variances (and clip to [0, 1] when clip). The detections, best score first (ties in anchor order), then go through NMS over the first nms_topk (nms_topk > 0): a kept detection suppresses later ones of its class (of any class with force_suppress) whose IoU is at least nms_threshold. Output (batch, A, 6) rows (id, score, xmin, ymin, xmax, ymax) in that order; suppressed detections and those beyond nms_topk keep their row with id -1, anchors without a detection give rows of -1 at the end. (MXNet 1.9 always treats class 0 as the background and writes wrong rows beyond nms_topk; mxlite honours background_id and keeps those rows.) The gradient is zero.
   * (registry name: _contrib_MultiBoxDetection)
   */
  MultiBoxDetection(cls_prob?: Symbol | null, loc_pred?: Symbol | null, anchor?: Symbol | null, params?: { cls_prob?: Symbol; loc_pred?: Symbol; anchor?: Symbol; clip?: boolean; threshold?: number; background_id?: number; nms_threshold?: number; force_suppress?: boolean; variances?: string; nms_topk?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  MultiBoxDetection(params: { cls_prob?: Symbol; loc_pred?: Symbol; anchor?: Symbol; clip?: boolean; threshold?: number; background_id?: number; nms_threshold?: number; force_suppress?: boolean; variances?: string; nms_topk?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Generates SSD anchor boxes (priors) for a feature map. For data (batch, channel, H, W) the output (1, H * W * A, 4) holds, cell by cell (row-major) and A = len(sizes) + len(ratios) - 1 anchors per cell, corner boxes (xmin, ymin, xmax, ymax) as fractions of the image: centred at ((x + offsets[1]) * step_x, (y + offsets[0]) * step_y), one anchor per size with ratios[0], then one per further ratio with sizes[0]; an anchor of size s and ratio r is s * H / W * sqrt(r) wide and s / sqrt(r) high. Only data's shape is used; the gradient is zero.
   * (registry name: _contrib_MultiBoxPrior)
   */
  MultiBoxPrior(data?: Symbol | null, params?: { data?: Symbol; sizes?: string; ratios?: string; clip?: boolean; steps?: string; offsets?: string; name?: string; attr?: { [key: string]: string } }): Symbol;
  MultiBoxPrior(params: { data?: Symbol; sizes?: string; ratios?: string; clip?: boolean; steps?: string; offsets?: string; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * SSD training targets: matches anchors to ground-truth boxes. anchor (1, A, 4) holds corner anchors, label (batch, L, 5 or more) rows (class, xmin, ymin, xmax, ymax) -- a sample's ground truths are its rows up to the first of class -1 -- and cls_pred (batch, classes, A) the class scores (used by negative mining). Each ground truth in turn takes the free anchor of highest IoU (the best pair overall first, while that IoU exceeds 1e-6); every other anchor whose best IoU exceeds overlap_threshold matches its best ground truth. Matched anchors are positives: cls_target is their class + 1, loc_target their box encoding (box_encode's, with zero means and std = variances) and loc_mask 1. Without mining (negative_mining_ratio <= 0) every other anchor is a negative (cls_target 0); with it, of the unmatched anchors whose best IoU is below negative_mining_thresh, those of lowest background probability (softmax of cls_pred) become negatives, max(positives * ratio, minimum_negative_samples) of them at most, and the rest get ignore_label. (MXNet 1.9 ignores minimum_negative_samples and aborts when fewer candidates exist than wanted; mxlite takes them all.) Outputs: loc_target and loc_mask (batch, A * 4), cls_target (batch, A). The gradient is zero.
   * (registry name: _contrib_MultiBoxTarget)
   */
  MultiBoxTarget(anchor?: Symbol | null, label?: Symbol | null, cls_pred?: Symbol | null, params?: { anchor?: Symbol; label?: Symbol; cls_pred?: Symbol; overlap_threshold?: number; ignore_label?: number; negative_mining_ratio?: number; negative_mining_thresh?: number; minimum_negative_samples?: number; variances?: string; name?: string; attr?: { [key: string]: string } }): Symbol[];
  MultiBoxTarget(params: { anchor?: Symbol; label?: Symbol; cls_pred?: Symbol; overlap_threshold?: number; ignore_label?: number; negative_mining_ratio?: number; negative_mining_thresh?: number; minimum_negative_samples?: number; variances?: string; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Region of interest align pooling (Mask R-CNN): pools each roi of a feature map into pooled_size bins without quantising coordinates. data is (batch, channels, height, width); rois (num_rois, 5) rows (batch index, x1, y1, x2, y2) in image pixels, mapped onto data by spatial_scale (minus half a pixel when aligned). Each bin averages bilinear samples at the centres of a sample_ratio x sample_ratio grid over it (when sample_ratio <= 0, ceil(bin size) per axis); samples more than a pixel outside the map read 0, those within clamp to the border. Without aligned an roi is at least one pixel wide and high. A roi with a negative batch index gives 0 (MXNet 1.9 writes garbage there); an empty aligned roi gives 0 (MXNet aborts). Output (num_rois, channels, ph, pw), or channels / (ph * pw) with position_sensitive. The gradient reaches data; rois get 0.
   * (registry name: _contrib_ROIAlign)
   */
  ROIAlign(data?: Symbol | null, rois?: Symbol | null, params?: { data?: Symbol; rois?: Symbol; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  ROIAlign(params: { data?: Symbol; rois?: Symbol; pooled_size: number[] | number; spatial_scale: number; sample_ratio?: number; position_sensitive?: boolean; aligned?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Whether every element of a is close to the one of b: |a - b| <= atol + rtol * |b| (numpy.allclose, not symmetric). a and b must have the same shape. The output is a uint8 scalar (shape ()), 1 or 0; NaNs compare equal when equal_nan is true.
   * (registry name: _contrib_allclose)
   */
  allclose(a?: Symbol | null, b?: Symbol | null, params?: { a?: Symbol; b?: Symbol; rtol?: number; atol?: number; equal_nan?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  allclose(params: { a?: Symbol; b?: Symbol; rtol?: number; atol?: number; equal_nan?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Evenly spaced values shaped like data (or, with axis, like data's axis): element i is start + floor(i / repeat) * step, in data's dtype. The gradient with respect to data is zero.
   * (registry name: _contrib_arange_like)
   */
  arange_like(data?: Symbol | null, params?: { data?: Symbol; start?: number; step?: number; repeat?: number; ctx?: Context | string; axis?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  arange_like(params: { data?: Symbol; start?: number; step?: number; repeat?: number; ctx?: Context | string; axis?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Greedy bipartite matching of rows to columns by score. data (..., N, M) holds a score per (row, column) pair. Visiting the pairs from the best score (highest, or lowest with is_ascend; equal scores in row-major order) while the score is beyond threshold (above it, or below with is_ascend), a pair whose row and column are both still free is matched, at most topk matches when topk > 0. Outputs: the column matched to each row (..., N) and the row matched to each column (..., M), -1 where none. (MXNet 1.9 allows topk + 1 matches; mxlite keeps to the documented topk.) The gradient is zero.
   * (registry name: _contrib_bipartite_matching)
   */
  bipartite_matching(data?: Symbol | null, params?: { data?: Symbol; is_ascend?: boolean; threshold: number; topk?: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  bipartite_matching(params: { data?: Symbol; is_ascend?: boolean; threshold: number; topk?: number; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Keeps the slices of data along axis whose index value is non-zero: index is 1-D with one value per position of that axis (any dtype). The output has data's shape with that axis shortened to the count of non-zero values (possibly 0). The output's shape depends on index's values, so the op runs imperatively (mx.nd) only: a symbol cannot infer it. The gradient reaches data (zero on the dropped slices).
   * (registry name: _contrib_boolean_mask)
   */
  boolean_mask(data?: Symbol | null, index?: Symbol | null, params?: { data?: Symbol; index?: Symbol; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  boolean_mask(params: { data?: Symbol; index?: Symbol; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Decodes predicted box offsets against anchors (the inverse of box_encode with zero means). data (B, N, 4) holds offsets, anchors (1, N, 4) the anchors in `format`. Output (B, N, 4), corners: centre (ax + data[0] * std0 * aw, ay + data[1] * std1 * ah) and size (aw * exp(data[2] * std2), ah * exp(data[3] * std3)), each exponent first clipped to clip when clip > 0. The gradient is zero, as in MXNet.
   * (registry name: _contrib_box_decode)
   */
  box_decode(data?: Symbol | null, anchors?: Symbol | null, params?: { data?: Symbol; anchors?: Symbol; std0?: number; std1?: number; std2?: number; std3?: number; clip?: number; format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  box_decode(params: { data?: Symbol; anchors?: Symbol; std0?: number; std1?: number; std2?: number; std3?: number; clip?: number; format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Encodes the regression targets of matched anchors (SSD / Faster R-CNN box encoding). samples (B, N): > 0.5 marks a positive anchor; matches (B, N): the index of its reference box in refs; anchors (B, N, 4) and refs (B, M, 4) as corners; means and stds (4,). For a positive anchor the target is (((gx - ax) / aw, (gy - ay) / ah, log(gw / aw), log(gh / ah)) - means) / stds, from the centres and sizes of reference g and anchor a, and its mask is 1; other anchors get target and mask 0. Outputs: targets and masks, both (B, N, 4). A positive sample whose match does not index refs is an error. The gradient is zero.
   * (registry name: _contrib_box_encode)
   */
  box_encode(samples?: Symbol | null, matches?: Symbol | null, anchors?: Symbol | null, refs?: Symbol | null, means?: Symbol | null, stds?: Symbol | null, params?: { samples?: Symbol; matches?: Symbol; anchors?: Symbol; refs?: Symbol; means?: Symbol; stds?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  box_encode(params: { samples?: Symbol; matches?: Symbol; anchors?: Symbol; refs?: Symbol; means?: Symbol; stds?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Intersection over union of every pair of boxes: lhs (..., 4) and rhs (..., 4) give an output of shape lhs.shape[:-1] + rhs.shape[:-1]. Pairs that do not overlap, and empty or inverted boxes, give 0. As in MXNet the gradient is zero.
   * (registry name: _contrib_box_iou)
   */
  box_iou(lhs?: Symbol | null, rhs?: Symbol | null, params?: { lhs?: Symbol; rhs?: Symbol; format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  box_iou(params: { lhs?: Symbol; rhs?: Symbol; format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Non-maximum suppression of boxes. data is (..., N, K): N rows of K values per batch, each holding 4 box coordinates from coord_start, a score at score_index and optionally a class id at id_index. Rows whose score does not exceed valid_thresh, and with id_index those of class background_id, are dropped; of the rest, only the topk best-scoring take part (topk > 0). Visiting them from the best score down (equal scores in row order), each row not yet suppressed is kept and suppresses every later row whose IoU with it exceeds overlap_thresh (with id_index and force_suppress=False, only rows of its own class). The output has data's shape: the kept rows, best first, their coordinates converted from in_format to out_format, then rows of -1. The gradient of each kept output row goes back to the input row it came from; dropped and suppressed rows get 0.
   * (registry name: _contrib_box_nms)
   */
  box_nms(data?: Symbol | null, params?: { data?: Symbol; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  box_nms(params: { data?: Symbol; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Non-maximum suppression of boxes. data is (..., N, K): N rows of K values per batch, each holding 4 box coordinates from coord_start, a score at score_index and optionally a class id at id_index. Rows whose score does not exceed valid_thresh, and with id_index those of class background_id, are dropped; of the rest, only the topk best-scoring take part (topk > 0). Visiting them from the best score down (equal scores in row order), each row not yet suppressed is kept and suppresses every later row whose IoU with it exceeds overlap_thresh (with id_index and force_suppress=False, only rows of its own class). The output has data's shape: the kept rows, best first, their coordinates converted from in_format to out_format, then rows of -1. The gradient of each kept output row goes back to the input row it came from; dropped and suppressed rows get 0.
   * (registry name: _contrib_box_nms)
   */
  box_non_maximum_suppression(data?: Symbol | null, params?: { data?: Symbol; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  box_non_maximum_suppression(params: { data?: Symbol; overlap_thresh?: number; valid_thresh?: number; topk?: number; coord_start?: number; score_index?: number; id_index?: number; background_id?: number; force_suppress?: boolean; in_format?: "center" | "corner"; out_format?: "center" | "corner"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample. data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no gradient. Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: float32 only); every dtype computes in double.
   * (registry name: CTCLoss)
   */
  ctc_loss(data?: Symbol | null, label?: Symbol | null, data_lengths?: Symbol | null, label_lengths?: Symbol | null, params?: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  ctc_loss(params: { data?: Symbol; label?: Symbol; data_lengths?: Symbol; label_lengths?: Symbol; use_data_lengths?: boolean; use_label_lengths?: boolean; blank_label?: "first" | "last"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Divides data by the square root of the size of its last axis (attention score scaling). Integer dtypes keep their dtype (the quotient truncates).
   * (registry name: _contrib_div_sqrt_dim)
   */
  div_sqrt_dim(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  div_sqrt_dim(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Identity in the forward pass; multiplies the gradient by scalar in the backward pass (e.g. -1 for a gradient reversal layer).
   * (registry name: _contrib_gradientmultiplier)
   */
  gradientmultiplier(data?: Symbol | null, params?: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  gradientmultiplier(params: { data?: Symbol; scalar?: number; is_int?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The index of every element of data: output (*data.shape, len(axes)) int64 holds, at each position, its coordinates along axes (default: all axes, in order). Not differentiable (its output is integer).
   * (registry name: _contrib_index_array)
   */
  index_array(data?: Symbol | null, params?: { data?: Symbol; axes?: number[] | number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  index_array(params: { data?: Symbol; axes?: number[] | number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Copies the rows of new_tensor into old_tensor at the row positions index_vector gives: output[index[j]] = new_tensor[j], the other rows as old_tensor's. Indices must be in [0, len(old_tensor)). The gradient reaches old_tensor (zero on the replaced rows) and new_tensor (the replaced rows of ograd).
   * (registry name: _contrib_index_copy)
   */
  index_copy(old_tensor?: Symbol | null, index_vector?: Symbol | null, new_tensor?: Symbol | null, params?: { old_tensor?: Symbol; index_vector?: Symbol; new_tensor?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  index_copy(params: { old_tensor?: Symbol; index_vector?: Symbol; new_tensor?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Encoder-decoder attention scores from interleaved projections. queries is (query_length, batch, heads * head_dim); keys_values (key_length, batch, heads * 2 * head_dim), the key and value of each head side by side. The output (batch * heads, query_length, key_length) holds (q / sqrt(head_dim)) k^T per head.
   * (registry name: _contrib_interleaved_matmul_encdec_qk)
   */
  interleaved_matmul_encdec_qk(queries?: Symbol | null, keys_values?: Symbol | null, params?: { queries?: Symbol; keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  interleaved_matmul_encdec_qk(params: { queries?: Symbol; keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Encoder-decoder attention output from interleaved keys/values and attention weights. keys_values is (key_length, batch, heads * 2 * head_dim) as for interleaved_matmul_encdec_qk; attention (batch * heads, query_length, key_length). The output (query_length, batch, heads * head_dim) holds attention v per head, the heads side by side.
   * (registry name: _contrib_interleaved_matmul_encdec_valatt)
   */
  interleaved_matmul_encdec_valatt(keys_values?: Symbol | null, attention?: Symbol | null, params?: { keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  interleaved_matmul_encdec_valatt(params: { keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Self-attention scores from interleaved projections. queries_keys_values is (seq_length, batch, heads * 3 * head_dim), the query, key and value of each head side by side. The output (batch * heads, seq_length, seq_length) holds, for head h of sample b at row b * heads + h, (q / sqrt(head_dim)) k^T.
   * (registry name: _contrib_interleaved_matmul_selfatt_qk)
   */
  interleaved_matmul_selfatt_qk(queries_keys_values?: Symbol | null, params?: { queries_keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  interleaved_matmul_selfatt_qk(params: { queries_keys_values?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Self-attention output from interleaved projections and attention weights. queries_keys_values is (seq_length, batch, heads * 3 * head_dim) as for interleaved_matmul_selfatt_qk; attention (batch * heads, seq_length, seq_length). The output (seq_length, batch, heads * head_dim) holds attention v per head, the heads side by side.
   * (registry name: _contrib_interleaved_matmul_selfatt_valatt)
   */
  interleaved_matmul_selfatt_valatt(queries_keys_values?: Symbol | null, attention?: Symbol | null, params?: { queries_keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  interleaved_matmul_selfatt_valatt(params: { queries_keys_values?: Symbol; attention?: Symbol; heads: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * a * x^2 + b * x + c for every element x of data.
   * (registry name: _contrib_quadratic)
   */
  quadratic(data?: Symbol | null, params?: { data?: Symbol; a?: number; b?: number; c?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  quadratic(params: { data?: Symbol; a?: number; b?: number; c?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Rounds to the nearest integer (halves away from zero) with a straight-through gradient: the gradient passes unchanged, as if the op were the identity.
   * (registry name: _contrib_round_ste)
   */
  round_ste(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  round_ste(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The sign (-1, 0 or 1) with a straight-through gradient: the gradient passes unchanged, as if the op were the identity.
   * (registry name: _contrib_sign_ste)
   */
  sign_ste(data?: Symbol | null, params?: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  sign_ste(params: { data?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
}

export interface SymLinalgOps {
  /**
   * Computes the determinant of a matrix: out = det(A). A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. Computed from an LU factorization with partial pivoting; a singular matrix gives 0 (and a zero gradient). float32 and float64.
   * (registry name: _linalg_det)
   */
  det(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  det(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Extracts the diagonal entries of a square matrix. A has shape (..., n, n); out has shape (..., n - |offset|): the diagonal at `offset` (above the main one when positive, below it when negative). float32 and float64.
   * (registry name: _linalg_extractdiag)
   */
  extractdiag(A?: Symbol | null, params?: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  extractdiag(params: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Extracts a triangular sub-matrix from a square matrix, packed into a vector. A has shape (..., n, n); out has shape (..., m (m + 1) / 2) with m = n - |offset|. offset < 0 takes the triangle below the diagonal at `offset`, offset > 0 the one above it, offset = 0 the lower (lower=True) or upper triangle with the diagonal. A lower triangle is packed row by row, an upper one column by column. float32 and float64.
   * (registry name: _linalg_extracttrian)
   */
  extracttrian(A?: Symbol | null, params?: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  extracttrian(params: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * LQ factorization for general matrix: A = L * Q, outputs (Q, L). A has shape (..., m, n) with m <= n; Q has shape (..., m, n) with orthonormal rows, L shape (..., m, m), lower triangular. Householder reflections with LAPACK's sign conventions (L's diagonal may be negative). float32 and float64.
   * (registry name: _linalg_gelqf)
   */
  gelqf(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  gelqf(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Performs general matrix multiplication and accumulation: out = alpha * op(A) * op(B) + beta * C, op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A, B and C. float32 and float64.
   * (registry name: _linalg_gemm)
   */
  gemm(A?: Symbol | null, B?: Symbol | null, C?: Symbol | null, params?: { A?: Symbol; B?: Symbol; C?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  gemm(params: { A?: Symbol; B?: Symbol; C?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; beta?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs general matrix multiplication: out = alpha * op(A) * op(B), op(X) = X or X^T (transpose_a / transpose_b). Matrices have their rows on `axis` (default -2) and their columns on the last axis; all other axes are batch axes, equal in A and B. float32 and float64.
   * (registry name: _linalg_gemm2)
   */
  gemm2(A?: Symbol | null, B?: Symbol | null, params?: { A?: Symbol; B?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  gemm2(params: { A?: Symbol; B?: Symbol; transpose_a?: boolean; transpose_b?: boolean; alpha?: number; axis?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes the inverse of a matrix: out = A^-1. A has shape (..., n, n): the matrices are on the last two axes and every leading axis is a batch axis. A singular matrix is an error. float32 and float64.
   * (registry name: _linalg_inverse)
   */
  inverse(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  inverse(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Constructs a square matrix with the input as diagonal. A has shape (..., k); out has shape (..., n, n) with n = k + |offset|, zero except the diagonal at `offset`, which holds A. float32 and float64.
   * (registry name: _linalg_makediag)
   */
  makediag(A?: Symbol | null, params?: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  makediag(params: { A?: Symbol; offset?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Constructs a square matrix from a packed triangle (the inverse of _linalg_extracttrian). A has shape (..., k) with k = m (m + 1) / 2; out has shape (..., n, n) with n = m + |offset|, zero outside the triangle that offset and lower name (see _linalg_extracttrian). float32 and float64.
   * (registry name: _linalg_maketrian)
   */
  maketrian(A?: Symbol | null, params?: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  maketrian(params: { A?: Symbol; offset?: number; lower?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs Cholesky factorization of a symmetric positive-definite matrix: out = L, the lower triangular matrix with A = L * L^T. Only the lower triangle of A is read; the upper triangle of out is zero. A has shape (..., n, n). A matrix that is not positive definite is an error. The gradient is symmetric (A is taken as symmetric). float32 and float64.
   * (registry name: _linalg_potrf)
   */
  potrf(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  potrf(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs matrix inversion from a Cholesky factorization: out = (A * A^T)^-1 for A the lower triangular factor that _linalg_potrf returns. Only the lower triangle of A is read. A has shape (..., n, n). A zero on A's diagonal is an error. float32 and float64.
   * (registry name: _linalg_potri)
   */
  potri(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  potri(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Computes the sign and the natural logarithm of the absolute value of the determinant of a matrix: (sign, logabsdet) with det(A) = sign * exp(logabsdet). A has shape (..., n, n); both outputs have the batch shape (...), or (1,) for a single matrix. A singular matrix gives sign 0 and logabsdet -inf. Only logabsdet has a gradient (A^-T). float32 and float64.
   * (registry name: _linalg_slogdet)
   */
  slogdet(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  slogdet(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Computes the sum of the logarithms of the diagonal elements of a square matrix. A has shape (..., n, n); out has the batch shape (...), or (1,) for a single matrix. A negative diagonal element gives nan. float32 and float64.
   * (registry name: _linalg_sumlogdiag)
   */
  sumlogdiag(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  sumlogdiag(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Eigendecomposition for symmetric matrix: A = U^T * diag(lambda) * U, outputs (U, lambda). A has shape (..., n, n) and is taken as symmetric (its lower triangle is read). U has shape (..., n, n), its rows the orthonormal eigenvectors, each with its largest-magnitude entry positive; lambda has shape (..., n), ascending. Computed by cyclic Jacobi rotations. The gradient assumes distinct eigenvalues. float32 and float64.
   * (registry name: _linalg_syevd)
   */
  syevd(A?: Symbol | null, params?: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  syevd(params: { A?: Symbol; name?: string; attr?: { [key: string]: string } }): Symbol[];
  /**
   * Multiplication of a matrix with its transpose: out = alpha * A * A^T, or alpha * A^T * A with transpose=True. A has shape (..., m, n); out has shape (..., m, m), or (..., n, n) with transpose=True. float32 and float64.
   * (registry name: _linalg_syrk)
   */
  syrk(A?: Symbol | null, params?: { A?: Symbol; transpose?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  syrk(params: { A?: Symbol; transpose?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Performs multiplication with a triangular matrix: out = alpha * op(A) * B, or alpha * B * op(A) with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. float32 and float64.
   * (registry name: _linalg_trmm)
   */
  trmm(A?: Symbol | null, B?: Symbol | null, params?: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  trmm(params: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Solves a matrix equation with a triangular matrix: out = alpha * op(A)^-1 * B, or alpha * B * op(A)^-1 with rightside=True, where op(A) = A or A^T (transpose). Only the triangle of A that `lower` names is read. A has shape (..., n, n); B has shape (..., n, m), or (..., m, n) with rightside=True, and the same batch axes. A zero on A's diagonal gives inf/nan, as LAPACK's trsm. float32 and float64.
   * (registry name: _linalg_trsm)
   */
  trsm(A?: Symbol | null, B?: Symbol | null, params?: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  trsm(params: { A?: Symbol; B?: Symbol; transpose?: boolean; rightside?: boolean; lower?: boolean; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
}

export interface SymRandomOps {
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam).
   * (registry name: _random_exponential)
   */
  exponential(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the exponential distribution with rate lam (mean 1/lam), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_exponential_like)
   */
  exponential_like(data?: Symbol | null, params?: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  exponential_like(params: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta.
   * (registry name: _random_gamma)
   */
  gamma(params?: { alpha?: number; beta?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the gamma distribution with shape alpha and scale beta, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_gamma_like)
   */
  gamma_like(data?: Symbol | null, params?: { data?: Symbol; alpha?: number; beta?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  gamma_like(params: { data?: Symbol; alpha?: number; beta?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2; alpha 0 is Poisson(mu)).
   * (registry name: _random_generalized_negative_binomial)
   */
  generalized_negative_binomial(params?: { mu?: number; alpha?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the generalized negative binomial distribution, as floats: mean mu, dispersion alpha (variance mu + alpha mu^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_generalized_negative_binomial_like)
   */
  generalized_negative_binomial_like(data?: Symbol | null, params?: { data?: Symbol; mu?: number; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  generalized_negative_binomial_like(params: { data?: Symbol; mu?: number; alpha?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the negative binomial distribution, as floats: the number of failures before k successes, each of probability p (mean k(1-p)/p).
   * (registry name: _random_negative_binomial)
   */
  negative_binomial(params?: { k?: number; p?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the negative binomial distribution, as floats: the failures before k successes of probability p, one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_negative_binomial_like)
   */
  negative_binomial_like(data?: Symbol | null, params?: { data?: Symbol; k?: number; p?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  negative_binomial_like(params: { data?: Symbol; k?: number; p?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the normal distribution N(loc, scale^2).
   * (registry name: _random_normal)
   */
  normal(params?: { loc?: number; scale?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the normal distribution N(loc, scale^2), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_normal_like)
   */
  normal_like(data?: Symbol | null, params?: { data?: Symbol; loc?: number; scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  normal_like(params: { data?: Symbol; loc?: number; scale?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under Dirichlet distributions: alpha (P..., k) holds one distribution's concentrations (> 0) per row of its last axis, sample has shape P + (draws...) + (k,), and the output P + (draws...) holds the density of each k-vector (not projected onto the simplex; a negative component gives 0). With is_log, the log-density. The gradient reaches sample and alpha.
   * (registry name: _random_pdf_dirichlet)
   */
  pdf_dirichlet(sample?: Symbol | null, alpha?: Symbol | null, params?: { sample?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  pdf_dirichlet(params: { sample?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under exponential distributions with rates lam (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_exponential)
   */
  pdf_exponential(sample?: Symbol | null, lam?: Symbol | null, params?: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  pdf_exponential(params: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under gamma distributions with shapes alpha (> 0) and rates beta (> 0): beta^alpha x^(alpha-1) e^(-beta x) / Gamma(alpha), the values MXNet 1.9 computes, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_gamma)
   */
  pdf_gamma(sample?: Symbol | null, alpha?: Symbol | null, beta?: Symbol | null, params?: { sample?: Symbol; alpha?: Symbol; beta?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  pdf_gamma(params: { sample?: Symbol; alpha?: Symbol; beta?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under generalized negative binomial distributions with means mu (>= 0) and dispersions alpha (>= 0; 0 is Poisson(mu)), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_generalized_negative_binomial)
   */
  pdf_generalized_negative_binomial(sample?: Symbol | null, mu?: Symbol | null, alpha?: Symbol | null, params?: { sample?: Symbol; mu?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  pdf_generalized_negative_binomial(params: { sample?: Symbol; mu?: Symbol; alpha?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under negative binomial distributions: the number of failures x before k (> 0) successes of probability p (in (0, 1]), C(x+k-1, x) p^k (1-p)^x, one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_negative_binomial)
   */
  pdf_negative_binomial(sample?: Symbol | null, k?: Symbol | null, p?: Symbol | null, params?: { sample?: Symbol; k?: Symbol; p?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  pdf_negative_binomial(params: { sample?: Symbol; k?: Symbol; p?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under normal distributions with means mu and standard deviations sigma (> 0), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_normal)
   */
  pdf_normal(sample?: Symbol | null, mu?: Symbol | null, sigma?: Symbol | null, params?: { sample?: Symbol; mu?: Symbol; sigma?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  pdf_normal(params: { sample?: Symbol; mu?: Symbol; sigma?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under Poisson distributions with means lam (>= 0; samples need not be whole: Gamma-function form), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_poisson)
   */
  pdf_poisson(sample?: Symbol | null, lam?: Symbol | null, params?: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  pdf_poisson(params: { sample?: Symbol; lam?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The density of samples under uniform distributions on [low, high] (low < high), one distribution per element of the parameter arrays (which share one shape P). sample has shape P + (draws...): its elements at index i... are scored under the distribution at the leading P indices. Output: sample's shape and dtype; with is_log, the log-density. The gradient reaches sample and the parameters.
   * (registry name: _random_pdf_uniform)
   */
  pdf_uniform(sample?: Symbol | null, low?: Symbol | null, high?: Symbol | null, params?: { sample?: Symbol; low?: Symbol; high?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  pdf_uniform(params: { sample?: Symbol; low?: Symbol; high?: Symbol; is_log?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the Poisson distribution with mean lam (as floats).
   * (registry name: _random_poisson)
   */
  poisson(params?: { lam?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the Poisson distribution with mean lam (as floats), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_poisson_like)
   */
  poisson_like(data?: Symbol | null, params?: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  poisson_like(params: { data?: Symbol; lam?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples integers uniformly from [low, high).
   * (registry name: _random_randint)
   */
  randint(params?: { low: number; high: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "int32" | "int64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the uniform distribution on [low, high).
   * (registry name: _random_uniform)
   */
  uniform(params?: { low?: number; high?: number; shape?: number[] | number | null; ctx?: Context | string; dtype?: "float16" | "float32" | "float64" | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Samples from the uniform distribution on [low, high), one draw per element of data: the output has data's shape and (float) dtype. data's values are not used, and no gradient flows to it.
   * (registry name: _random_uniform_like)
   */
  uniform_like(data?: Symbol | null, params?: { data?: Symbol; low?: number; high?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  uniform_like(params: { data?: Symbol; low?: number; high?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Draws outcome indices from multinomial (categorical) distributions: data (..., k) holds one distribution over k outcomes per row of its last axis, and must sum to 1 along it. The draws have shape data.shape[:-1] + shape (one draw per row when shape is ()). With get_prob, a second output holds the log-probability of each draw (data's dtype), whose gradient reaches data.
   * (registry name: _sample_multinomial)
   */
  multinomial(data?: Symbol | null, params?: { data?: Symbol; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  multinomial(params: { data?: Symbol; shape?: number[] | number; get_prob?: boolean; dtype?: "float16" | "float32" | "float64" | "int32" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Draws, for each of shape[0] rows, shape[1] distinct classes in [0, range_max) from the log-uniform (Zipfian) distribution P(v) = log((v + 2) / (v + 1)) / log(range_max + 1), redrawing repeats. Outputs the samples (shape, int64) and num_tries (shape[0],), int64: the draws each row took (for sampled-softmax corrections).
   * (registry name: _sample_unique_zipfian)
   */
  unique_zipfian(params?: { range_max: number; shape?: number[] | number | null; ctx?: Context | string; name?: string; attr?: { [key: string]: string } }): Symbol[];
}

export interface SymImageOps {

}

/** NDArray methods that call the registry op of the same name (generated). */
export interface NDArray {
  /**
   * Absolute value, elementwise.
   */
  abs(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Inverse cosine, elementwise.
   */
  arccos(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Inverse hyperbolic cosine, elementwise.
   */
  arccosh(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Inverse sine, elementwise.
   */
  arcsin(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Inverse hyperbolic sine, elementwise.
   */
  arcsinh(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Inverse tangent, elementwise.
   */
  arctan(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Inverse hyperbolic tangent, elementwise.
   */
  arctanh(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Indices of the maximum values along an axis.
   */
  argmax(params?: { axis?: number | null; keepdims?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Indices of the maximum values along axis 1 (the channel axis).
   */
  argmaxChannel(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Indices of the minimum values along an axis.
   */
  argmin(params?: { axis?: number | null; keepdims?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Indices that sort the array along axis (flattened when axis is None). Stable.
   */
  argsort(params?: { axis?: number | null; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Broadcasts the input along the given size-1 axes to the given sizes.
   * (registry name: broadcast_axis)
   */
  broadcastAxes(params?: { axis?: number[] | number; size?: number[] | number; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Broadcasts lhs to the shape of rhs (or, with lhs_axes/rhs_axes, only those axes of lhs to the sizes of rhs's axes).
   */
  broadcastLike(rhs?: NDArray | null, params?: { rhs?: NDArray; lhs_axes?: number[] | number | null; rhs_axes?: number[] | number | null; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Broadcasts the input to a new shape; size-1 axes are repeated. A 0 in `shape` keeps that axis.
   */
  broadcastTo(params?: { shape?: number[] | number; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Cube root, elementwise.
   */
  cbrt(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Smallest integer >= x, elementwise.
   */
  ceil(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Clips values to [a_min, a_max]: a_min where x < a_min, else a_max where x > a_max, else x.
   */
  clip(params?: { a_min: number; a_max: number; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Cosine (radians), elementwise.
   */
  cos(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Hyperbolic cosine, elementwise.
   */
  cosh(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Converts radians to degrees, elementwise.
   */
  degrees(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Extracts a diagonal or constructs a diagonal array. For a 1-D input, returns the 2-D square array with the input on the k-th diagonal. For an input of two or more dimensions, returns the k-th diagonal of the planes spanned by axis1 and axis2: the other axes in order, followed by the diagonal (as numpy.diagonal).
   */
  diag(params?: { k?: number; axis1?: number; axis2?: number; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Exponential e^x, elementwise.
   */
  exp(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * exp(x) - 1, elementwise, accurate for small x.
   */
  expm1(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Rounds toward zero, elementwise.
   */
  fix(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Reverses the order of elements along the given axes.
   * (registry name: reverse)
   */
  flip(params?: { axis: number[] | number; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Largest integer <= x, elementwise.
   */
  floor(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Natural logarithm, elementwise.
   */
  log(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Base-10 logarithm, elementwise.
   */
  log10(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * log(1 + x), elementwise, accurate for small x.
   */
  log1p(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Base-2 logarithm, elementwise.
   */
  log2(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Log of the softmax along an axis, computed stably.
   */
  logSoftmax(params?: { axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Maximum of array elements over the given axes (NaN propagates).
   */
  max(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Mean of array elements over the given axes (integers divide with truncation).
   */
  mean(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Minimum of array elements over the given axes (NaN propagates).
   */
  min(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Product over the given axes, treating NaN as one.
   */
  nanprod(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Sum over the given axes, treating NaN as zero.
   */
  nansum(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * The L1 or L2 norm of the elements over the given axes (all by default).
   */
  norm(params?: { ord?: number; axis?: number[] | number | null; out_dtype?: "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | null; keepdims?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * One-hot encoding: out[..., j] = on_value where j == indices[...], else off_value. Indices outside [0, depth) give a row of off_value.
   */
  oneHot(params?: { depth: number; on_value?: number; off_value?: number; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[] }): NDArray;
  /**
   * An array of ones with the shape and dtype of the input.
   */
  onesLike(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Pads every axis: pad_width = (before0, after0, before1, after1, ...). mode 'constant' fills constant_value, 'edge' repeats the edge value, 'reflect' mirrors without repeating the edge. (MXNet accepts only 4-D/5-D input; any rank works here.)
   * (registry name: Pad)
   */
  pad(params?: { mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Picks one element per position along axis: out[i] = data[i with axis -> index[i]]. index has data's shape without axis (or with it as 1).
   */
  pick(index?: NDArray | null, params?: { index?: NDArray; axis?: number | null; keepdims?: boolean; mode?: "clip" | "wrap"; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Product of array elements over the given axes.
   */
  prod(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Converts degrees to radians, elementwise.
   */
  radians(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Returns element-wise inverse cube-root value of the input: rcbrt(x) = 1 / cbrt(x).
   */
  rcbrt(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Reciprocal 1/x, elementwise.
   */
  reciprocal(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Rectified linear unit max(x, 0), elementwise.
   */
  relu(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Repeats each element `repeats` times along axis (the flattened array if axis is None).
   */
  repeat(params?: { repeats: number; axis?: number | null; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Reshapes lhs to the shape of rhs; with lhs_begin/lhs_end/rhs_begin/rhs_end, only lhs dims [lhs_begin, lhs_end) are replaced by rhs dims [rhs_begin, rhs_end).
   */
  reshapeLike(rhs?: NDArray | null, params?: { rhs?: NDArray; lhs_begin?: number | null; lhs_end?: number | null; rhs_begin?: number | null; rhs_end?: number | null; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Nearest integer, halves to even, elementwise.
   */
  rint(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Nearest integer, halves away from zero, elementwise.
   */
  round(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Inverse square root 1/sqrt(x), elementwise.
   */
  rsqrt(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Returns a 1D int64 array containing the shape of data.
   */
  shapeArray(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Logistic sigmoid 1/(1+exp(-x)), elementwise.
   */
  sigmoid(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Sign (-1, 0 or 1), elementwise.
   */
  sign(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Sine (radians), elementwise.
   */
  sin(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Hyperbolic sine, elementwise.
   */
  sinh(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Returns a 1D int64 array of one element: the number of elements of data.
   */
  sizeArray(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Slices [begin, end) along one axis (negative values count from the end).
   */
  sliceAxis(params?: { axis: number; begin: number; end?: number | null; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Slices data to the shape of shape_like (on `axes`, or on every axis when empty), starting at index 0.
   */
  sliceLike(shape_like?: NDArray | null, params?: { shape_like?: NDArray; axes?: number[] | number; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Softmax along an axis: exp(x/T) / sum(exp(x/T)), computed stably.
   */
  softmax(params?: { axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Softmin along an axis: the softmax of -x/T.
   */
  softmin(params?: { axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Sorts along axis (the flattened array when axis is None). Stable.
   */
  sort(params?: { axis?: number | null; is_ascend?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Splits an array along axis into num_outputs equal parts.
   */
  split(params?: { num_outputs: number; axis?: number; squeeze_axis?: boolean; out?: NDArray | NDArray[] }): NDArray | NDArray[];
  /**
   * Square root, elementwise.
   */
  sqrt(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Square x*x, elementwise.
   */
  square(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Sum of array elements over the given axes.
   */
  sum(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Interchanges two axes.
   * (registry name: SwapAxis)
   */
  swapaxes(params?: { dim1?: number; dim2?: number; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Takes elements of a along axis at the given indices: the result has shape a.shape[:axis] + indices.shape + a.shape[axis+1:]. mode: 'clip' clamps indices into range, 'wrap' wraps them around, 'raise' rejects out-of-range indices.
   */
  take(indices?: NDArray | null, params?: { indices?: NDArray; axis?: number; mode?: "clip" | "raise" | "wrap"; out?: NDArray | NDArray[] }): NDArray;
  /**
   * Tangent (radians), elementwise.
   */
  tan(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Hyperbolic tangent, elementwise.
   */
  tanh(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * Repeats the whole array reps[i] times along axis i (numpy.tile).
   */
  tile(params?: { reps: number[] | number; out?: NDArray | NDArray[] }): NDArray;
  /**
   * The k largest (or smallest, is_ascend) elements along axis. ret_typ: 'indices' their positions, 'value' their values, 'both' [values, indices], 'mask' an array shaped like data with 1 at the selected positions. k < 1 selects the whole axis.
   */
  topk(params?: { axis?: number | null; k?: number; ret_typ?: "both" | "indices" | "mask" | "value"; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; out?: NDArray | NDArray[] }): NDArray | NDArray[];
  /**
   * Integer part (rounds toward zero), elementwise.
   */
  trunc(params?: { out?: NDArray | NDArray[] }): NDArray;
  /**
   * An array of zeros with the shape and dtype of the input.
   */
  zerosLike(params?: { out?: NDArray | NDArray[] }): NDArray;
}

/** Symbol methods that call the registry op of the same name (generated). */
export interface Symbol {
  /**
   * Absolute value, elementwise.
   */
  abs(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse cosine, elementwise.
   */
  arccos(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse hyperbolic cosine, elementwise.
   */
  arccosh(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse sine, elementwise.
   */
  arcsin(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse hyperbolic sine, elementwise.
   */
  arcsinh(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse tangent, elementwise.
   */
  arctan(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse hyperbolic tangent, elementwise.
   */
  arctanh(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Indices of the maximum values along an axis.
   */
  argmax(params?: { axis?: number | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Indices of the maximum values along axis 1 (the channel axis).
   */
  argmaxChannel(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Indices of the minimum values along an axis.
   */
  argmin(params?: { axis?: number | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Indices that sort the array along axis (flattened when axis is None). Stable.
   */
  argsort(params?: { axis?: number | null; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Broadcasts the input along the given size-1 axes to the given sizes.
   * (registry name: broadcast_axis)
   */
  broadcastAxes(params?: { axis?: number[] | number; size?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Broadcasts lhs to the shape of rhs (or, with lhs_axes/rhs_axes, only those axes of lhs to the sizes of rhs's axes).
   */
  broadcastLike(rhs?: Symbol | null, params?: { rhs?: Symbol; lhs_axes?: number[] | number | null; rhs_axes?: number[] | number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Broadcasts the input to a new shape; size-1 axes are repeated. A 0 in `shape` keeps that axis.
   */
  broadcastTo(params?: { shape?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Cube root, elementwise.
   */
  cbrt(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Smallest integer >= x, elementwise.
   */
  ceil(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Clips values to [a_min, a_max]: a_min where x < a_min, else a_max where x > a_max, else x.
   */
  clip(params?: { a_min: number; a_max: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Cosine (radians), elementwise.
   */
  cos(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Hyperbolic cosine, elementwise.
   */
  cosh(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Converts radians to degrees, elementwise.
   */
  degrees(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Extracts a diagonal or constructs a diagonal array. For a 1-D input, returns the 2-D square array with the input on the k-th diagonal. For an input of two or more dimensions, returns the k-th diagonal of the planes spanned by axis1 and axis2: the other axes in order, followed by the diagonal (as numpy.diagonal).
   */
  diag(params?: { k?: number; axis1?: number; axis2?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Exponential e^x, elementwise.
   */
  exp(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * exp(x) - 1, elementwise, accurate for small x.
   */
  expm1(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Rounds toward zero, elementwise.
   */
  fix(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Reverses the order of elements along the given axes.
   * (registry name: reverse)
   */
  flip(params?: { axis: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Largest integer <= x, elementwise.
   */
  floor(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Natural logarithm, elementwise.
   */
  log(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Base-10 logarithm, elementwise.
   */
  log10(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * log(1 + x), elementwise, accurate for small x.
   */
  log1p(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Base-2 logarithm, elementwise.
   */
  log2(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Log of the softmax along an axis, computed stably.
   */
  logSoftmax(params?: { axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Maximum of array elements over the given axes (NaN propagates).
   */
  max(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Mean of array elements over the given axes (integers divide with truncation).
   */
  mean(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Minimum of array elements over the given axes (NaN propagates).
   */
  min(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Product over the given axes, treating NaN as one.
   */
  nanprod(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sum over the given axes, treating NaN as zero.
   */
  nansum(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The L1 or L2 norm of the elements over the given axes (all by default).
   */
  norm(params?: { ord?: number; axis?: number[] | number | null; out_dtype?: "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | null; keepdims?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * One-hot encoding: out[..., j] = on_value where j == indices[...], else off_value. Indices outside [0, depth) give a row of off_value.
   */
  oneHot(params?: { depth: number; on_value?: number; off_value?: number; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * An array of ones with the shape and dtype of the input.
   */
  onesLike(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Pads every axis: pad_width = (before0, after0, before1, after1, ...). mode 'constant' fills constant_value, 'edge' repeats the edge value, 'reflect' mirrors without repeating the edge. (MXNet accepts only 4-D/5-D input; any rank works here.)
   * (registry name: Pad)
   */
  pad(params?: { mode: "constant" | "edge" | "reflect"; pad_width: number[] | number; constant_value?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Picks one element per position along axis: out[i] = data[i with axis -> index[i]]. index has data's shape without axis (or with it as 1).
   */
  pick(index?: Symbol | null, params?: { index?: Symbol; axis?: number | null; keepdims?: boolean; mode?: "clip" | "wrap"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Product of array elements over the given axes.
   */
  prod(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Converts degrees to radians, elementwise.
   */
  radians(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Returns element-wise inverse cube-root value of the input: rcbrt(x) = 1 / cbrt(x).
   */
  rcbrt(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Reciprocal 1/x, elementwise.
   */
  reciprocal(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Rectified linear unit max(x, 0), elementwise.
   */
  relu(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Repeats each element `repeats` times along axis (the flattened array if axis is None).
   */
  repeat(params?: { repeats: number; axis?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Reshapes lhs to the shape of rhs; with lhs_begin/lhs_end/rhs_begin/rhs_end, only lhs dims [lhs_begin, lhs_end) are replaced by rhs dims [rhs_begin, rhs_end).
   */
  reshapeLike(rhs?: Symbol | null, params?: { rhs?: Symbol; lhs_begin?: number | null; lhs_end?: number | null; rhs_begin?: number | null; rhs_end?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Nearest integer, halves to even, elementwise.
   */
  rint(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Nearest integer, halves away from zero, elementwise.
   */
  round(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Inverse square root 1/sqrt(x), elementwise.
   */
  rsqrt(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Returns a 1D int64 array containing the shape of data.
   */
  shapeArray(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Logistic sigmoid 1/(1+exp(-x)), elementwise.
   */
  sigmoid(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sign (-1, 0 or 1), elementwise.
   */
  sign(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sine (radians), elementwise.
   */
  sin(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Hyperbolic sine, elementwise.
   */
  sinh(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Returns a 1D int64 array of one element: the number of elements of data.
   */
  sizeArray(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Slices with begin/end/step per leading axis (numpy semantics; None entries mean the default: whole axis, step 1).
   */
  slice(params?: { begin: number[] | number; end: number[] | number; step?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Slices [begin, end) along one axis (negative values count from the end).
   */
  sliceAxis(params?: { axis: number; begin: number; end?: number | null; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Slices data to the shape of shape_like (on `axes`, or on every axis when empty), starting at index 0.
   */
  sliceLike(shape_like?: Symbol | null, params?: { shape_like?: Symbol; axes?: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Softmax along an axis: exp(x/T) / sum(exp(x/T)), computed stably.
   */
  softmax(params?: { axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Softmin along an axis: the softmax of -x/T.
   */
  softmin(params?: { axis?: number; temperature?: number | null; dtype?: "float16" | "float32" | "float64" | null; use_length?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sorts along axis (the flattened array when axis is None). Stable.
   */
  sort(params?: { axis?: number | null; is_ascend?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Splits an array along axis into num_outputs equal parts.
   */
  split(params?: { num_outputs: number; axis?: number; squeeze_axis?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Square root, elementwise.
   */
  sqrt(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Square x*x, elementwise.
   */
  square(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Sum of array elements over the given axes.
   */
  sum(params?: { axis?: number[] | number | null; keepdims?: boolean; exclude?: boolean; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Interchanges two axes.
   * (registry name: SwapAxis)
   */
  swapaxes(params?: { dim1?: number; dim2?: number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Takes elements of a along axis at the given indices: the result has shape a.shape[:axis] + indices.shape + a.shape[axis+1:]. mode: 'clip' clamps indices into range, 'wrap' wraps them around, 'raise' rejects out-of-range indices.
   */
  take(indices?: Symbol | null, params?: { indices?: Symbol; axis?: number; mode?: "clip" | "raise" | "wrap"; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Tangent (radians), elementwise.
   */
  tan(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Hyperbolic tangent, elementwise.
   */
  tanh(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * Repeats the whole array reps[i] times along axis i (numpy.tile).
   */
  tile(params?: { reps: number[] | number; name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * The k largest (or smallest, is_ascend) elements along axis. ret_typ: 'indices' their positions, 'value' their values, 'both' [values, indices], 'mask' an array shaped like data with 1 at the selected positions. k < 1 selects the whole axis.
   */
  topk(params?: { axis?: number | null; k?: number; ret_typ?: "both" | "indices" | "mask" | "value"; is_ascend?: boolean; dtype?: "bool" | "float16" | "float32" | "float64" | "int32" | "int64" | "int8" | "uint8"; name?: string; attr?: { [key: string]: string } }): Symbol | Symbol[];
  /**
   * Integer part (rounds toward zero), elementwise.
   */
  trunc(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
  /**
   * An array of zeros with the shape and dtype of the input.
   */
  zerosLike(params?: { name?: string; attr?: { [key: string]: string } }): Symbol;
}
