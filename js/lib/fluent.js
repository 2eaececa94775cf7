'use strict';
// NDArray and Symbol methods MXNet defines as calls of the op of the same name
// (x.sum({axis: 1})), attached in camelCase when the registry has the op.
const FLUENT_METHODS = [
  'zeros_like', 'ones_like', 'broadcast_axes', 'repeat', 'pad', 'swapaxes', 'split',
  'slice', 'slice_axis', 'slice_like', 'take', 'one_hot', 'pick', 'sort', 'topk',
  'argmax', 'argmax_channel', 'argmin', 'argsort', 'clip', 'abs', 'sign', 'tile', 'flip',
  'diag', 'sum', 'nansum', 'prod', 'nanprod', 'mean', 'max', 'min', 'norm', 'round', 'rint',
  'fix', 'floor', 'ceil', 'trunc', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan',
  'degrees', 'radians', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh', 'exp',
  'expm1', 'log', 'log10', 'log2', 'log1p', 'sqrt', 'rsqrt', 'cbrt', 'rcbrt', 'square',
  'reciprocal', 'relu', 'sigmoid', 'softmax', 'log_softmax', 'softmin', 'broadcast_to',
  'broadcast_like', 'reshape_like', 'shape_array', 'size_array',
];
const FLUENT_OP = { split: 'SliceChannel' };

module.exports = { FLUENT_METHODS, FLUENT_OP };
