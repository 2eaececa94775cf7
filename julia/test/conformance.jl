# The conformance runner of MXLite.jl: runs tests/conformance/cases/*.json (format:
# tests/conformance/README.md) through the package's public API and prints
# `FAIL <id>: <reason>` per failure and `conformance: N passed, N failed`.
#
# Used by tests/conformance/runners/julia.jl and by test/runtests.jl. Needs nothing
# beyond MXLite and Base: the cases' JSON is read by the small reader below (objects
# keep their key order, which the save/load cases check).

module Conformance

using MXLite

# ------------------------------------------------------------------ JSON
"A JSON object with its keys in file order."
struct JSONObject
    keys::Vector{String}
    vals::Vector{Any}
end
JSONObject() = JSONObject(String[], Any[])

Base.haskey(o::JSONObject, k::AbstractString) = k in o.keys
function Base.getindex(o::JSONObject, k::AbstractString)
    i = findfirst(isequal(k), o.keys)
    i === nothing && throw(KeyError(k))
    return o.vals[i]
end
function Base.get(o::JSONObject, k::AbstractString, default)
    i = findfirst(isequal(k), o.keys)
    return i === nothing ? default : o.vals[i]
end
Base.length(o::JSONObject) = length(o.keys)
Base.iterate(o::JSONObject, i::Int=1) = i > length(o.keys) ? nothing : (o.keys[i] => o.vals[i], i + 1)

mutable struct JSONReader
    s::Vector{UInt8}
    i::Int
end

"Parses JSON text: objects -> JSONObject, arrays -> Vector{Any}, null -> nothing."
function parse_json(text::AbstractString)
    r = JSONReader(Vector{UInt8}(codeunits(String(text))), 1)
    v = _value(r)
    _skip_ws(r)
    r.i <= length(r.s) && error("JSON: unexpected text after the value at byte $(r.i)")
    return v
end

function _skip_ws(r::JSONReader)
    while r.i <= length(r.s) && r.s[r.i] in (0x20, 0x09, 0x0a, 0x0d)
        r.i += 1
    end
end

function _peek(r::JSONReader)
    r.i <= length(r.s) || error("JSON: unexpected end of text")
    return r.s[r.i]
end

function _value(r::JSONReader)
    _skip_ws(r)
    c = _peek(r)
    c == UInt8('{') && return _object(r)
    c == UInt8('[') && return _array(r)
    c == UInt8('"') && return _string(r)
    c == UInt8('t') && return _literal(r, "true", true)
    c == UInt8('f') && return _literal(r, "false", false)
    c == UInt8('n') && return _literal(r, "null", nothing)
    return _number(r)
end

function _literal(r::JSONReader, word::String, value)
    n = ncodeunits(word)
    (r.i + n - 1 <= length(r.s) && String(r.s[r.i:(r.i + n - 1)]) == word) ||
        error("JSON: bad literal at byte $(r.i)")
    r.i += n
    return value
end

function _expect(r::JSONReader, c::Char)
    _skip_ws(r)
    _peek(r) == UInt8(c) || error("JSON: expected '$(c)' at byte $(r.i)")
    r.i += 1
end

function _object(r::JSONReader)
    r.i += 1
    o = JSONObject()
    _skip_ws(r)
    if _peek(r) == UInt8('}')
        r.i += 1
        return o
    end
    while true
        _skip_ws(r)
        k = _string(r)
        _expect(r, ':')
        push!(o.keys, k)
        push!(o.vals, _value(r))
        _skip_ws(r)
        c = _peek(r)
        r.i += 1
        c == UInt8('}') && return o
        c == UInt8(',') || error("JSON: expected ',' or '}' at byte $(r.i - 1)")
    end
end

function _array(r::JSONReader)
    r.i += 1
    a = Any[]
    _skip_ws(r)
    if _peek(r) == UInt8(']')
        r.i += 1
        return a
    end
    while true
        push!(a, _value(r))
        _skip_ws(r)
        c = _peek(r)
        r.i += 1
        c == UInt8(']') && return a
        c == UInt8(',') || error("JSON: expected ',' or ']' at byte $(r.i - 1)")
    end
end

function _hex4(r::JSONReader)
    r.i + 3 <= length(r.s) || error("JSON: short \\u escape")
    v = parse(UInt32, String(r.s[r.i:(r.i + 3)]); base=16)
    r.i += 4
    return v
end

function _string(r::JSONReader)
    _peek(r) == UInt8('"') || error("JSON: expected a string at byte $(r.i)")
    r.i += 1
    buf = IOBuffer()
    while true
        c = _peek(r)
        if c == UInt8('"')
            r.i += 1
            return String(take!(buf))
        elseif c == UInt8('\\')
            r.i += 1
            e = _peek(r)
            r.i += 1
            if e == UInt8('n')
                write(buf, '\n')
            elseif e == UInt8('t')
                write(buf, '\t')
            elseif e == UInt8('r')
                write(buf, '\r')
            elseif e == UInt8('b')
                write(buf, '\b')
            elseif e == UInt8('f')
                write(buf, '\f')
            elseif e == UInt8('/') || e == UInt8('\\') || e == UInt8('"')
                write(buf, e)
            elseif e == UInt8('u')
                cp = _hex4(r)
                if 0xd800 <= cp <= 0xdbff && r.i + 1 <= length(r.s) &&
                   r.s[r.i] == UInt8('\\') && r.s[r.i + 1] == UInt8('u')
                    r.i += 2
                    lo = _hex4(r)
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00)
                end
                write(buf, Char(cp))
            else
                error("JSON: bad escape at byte $(r.i - 1)")
            end
        else
            write(buf, c)   # UTF-8 bytes pass through
            r.i += 1
        end
    end
end

const _NUMBER_BYTES = b"+-0123456789.eE"

function _number(r::JSONReader)
    start = r.i
    while r.i <= length(r.s) && r.s[r.i] in _NUMBER_BYTES
        r.i += 1
    end
    r.i > start || error("JSON: unexpected character '$(Char(r.s[start]))' at byte $(start)")
    t = String(r.s[start:(r.i - 1)])
    if all(c -> isdigit(c) || c == '-', t)
        v = tryparse(Int64, t)
        v === nothing || return v
    end
    return parse(Float64, t)
end

# ------------------------------------------------------------------ arrays
const DTYPES = Dict{String,DataType}("float32" => Float32, "float64" => Float64,
                                     "float16" => Float16, "uint8" => UInt8, "int8" => Int8,
                                     "int32" => Int32, "int64" => Int64, "bool" => Bool)

core_shape(a) = Int[Int(d) for d in a["shape"]]

# The flat values of a case array, in memory order (the core's row-major order, which
# is also Julia's column-major order of the reversed dims).
function case_values(a)
    T = DTYPES[a["dtype"]]
    if haskey(a, "hex")
        return collect(reinterpret(T, hex2bytes(a["hex"])))
    end
    vals = a["values"]
    return T === Bool ? Bool[v != 0 for v in vals] : T[T(v) for v in vals]
end

function make_ndarray(a)
    T = DTYPES[a["dtype"]]
    dims = Tuple(reverse(core_shape(a)))
    vals = case_values(a)
    length(vals) == prod(dims) ||
        error("case array has $(length(vals)) values for shape $(core_shape(a))")
    return mx.array(reshape(vals, dims), T)
end

_tolerances(exp) = (Float64(get(exp, "rtol", 0.0)), Float64(get(exp, "atol", 0.0)))

# nothing when `got` matches the expected array object, else what differs.
function compare(got, exp, rtol::Float64, atol::Float64)
    got isa mx.NDArray || return "got a $(typeof(got)), expected an NDArray"
    T = DTYPES[exp["dtype"]]
    eltype(got) === T || return "dtype $(eltype(got)), expected $(exp["dtype"])"
    gshape = collect(Int, reverse(size(got)))
    gshape == core_shape(exp) || return "shape $(gshape), expected $(core_shape(exp))"
    g = vec(Array(got))
    if haskey(exp, "hex") || haskey(exp, "values")
        e = case_values(exp)
        for i in eachindex(e)
            if T <: AbstractFloat
                gi, ei = Float64(g[i]), Float64(e[i])
                ok = isnan(ei) ? isnan(gi) : isinf(ei) ? gi == ei : abs(gi - ei) <= atol + rtol * abs(ei)
            else
                gi, ei = g[i], e[i]
                ok = gi == ei
            end
            ok || return "element $(i - 1): got $(gi), expected $(ei)"
        end
    end
    if haskey(exp, "min")
        lo = Float64(exp["min"])
        i = findfirst(v -> !(Float64(v) >= lo), g)
        i === nothing || return "element $(i - 1) = $(g[i]) is below the minimum $(lo)"
    end
    if haskey(exp, "max")
        hi = Float64(exp["max"])
        i = findfirst(v -> !(Float64(v) <= hi), g)
        i === nothing || return "element $(i - 1) = $(g[i]) is above the maximum $(hi)"
    end
    if get(exp, "integral", false) == true
        i = findfirst(v -> !isinteger(Float64(v)), g)
        i === nothing || return "element $(i - 1) = $(g[i]) is not a whole number"
    end
    return nothing
end

function bits_equal(a::mx.NDArray, b::mx.NDArray)
    eltype(a) === eltype(b) || return false
    size(a) == size(b) || return false
    return reinterpret(UInt8, vec(Array(a))) == reinterpret(UInt8, vec(Array(b)))
end

function check_error(e, expect_error; file=nothing)
    kind = expect_error["kind"]
    e isa mx.MXError || return "expected $(kind), got $(typeof(e)): $(sprint(showerror, e))"
    String(e.kind) == kind || return "error $(e.kind) ($(repr(e.msg))), expected $(kind)"
    for frag in get(expect_error, "contains", Any[])
        f = file === nothing ? frag : replace(frag, "<file>" => file)
        occursin(f, e.msg) || return "error message $(repr(e.msg)) lacks $(repr(f))"
    end
    return nothing
end

_as_list(x) = x isa AbstractVector ? x : [x]
_params(p) = [Symbol(k) => v for (k, v) in p]   # strings, passed unchanged

# ------------------------------------------------------------------ actions
function run_invoke(case)
    inputs = [make_ndarray(a) for a in case["inputs"]]
    params = _params(case["params"])
    if haskey(case, "expect_error")
        err = try
            f = getproperty(mx.nd, Symbol(case["op"]))   # an unknown operator is MXL_ERR_NOT_FOUND
            outs = f(inputs...; params...)
            foreach(Array, _as_list(outs))   # an error may come back at the first read
            nothing
        catch e
            e
        end
        err === nothing && return "expected $(case["expect_error"]["kind"]), but the call and every read succeeded"
        return check_error(err, case["expect_error"])
    end
    f = getproperty(mx.nd, Symbol(case["op"]))
    outs = _as_list(f(inputs...; params...))
    exp = case["expect"]
    rtol, atol = _tolerances(exp)
    length(outs) == length(exp["outputs"]) ||
        return "$(length(outs)) outputs, expected $(length(exp["outputs"]))"
    for (i, (o, x)) in enumerate(zip(outs, exp["outputs"]))
        r = compare(o, x, rtol, atol)
        r === nothing || return "output $(i - 1): $(r)"
    end
    return nothing
end

# Gradients with autograd, as the Python runner computes them: attach gradients to the
# inputs asked for, record the call, backward! from its outputs.
function run_grad(case)
    f = getproperty(mx.nd, Symbol(case["op"]))
    inputs = [make_ndarray(a) for a in case["inputs"]]
    wanted = [Int(i) + 1 for i in case["grad_inputs"]]
    for i in wanted
        mx.attach_grad!(inputs[i])
    end
    is_train = get(case, "is_train", true) == true
    params = _params(case["params"])
    outs = mx.record(; train_mode=is_train) do
        _as_list(f(inputs...; params...))
    end
    head = get(case, "head_grads", nothing)
    mx.backward!(outs, head === nothing ? nothing : [make_ndarray(h) for h in head]; train_mode=is_train)
    exp = case["expect"]
    rtol, atol = _tolerances(exp)
    for (k, i) in enumerate(wanted)
        r = compare(mx.grad(inputs[i]), exp["grads"][k], rtol, atol)
        r === nothing || return "gradient of input $(i - 1): $(r)"
    end
    return nothing
end

_core_shapes(shapes) = [s === nothing ? nothing : collect(Int, reverse(s)) for s in shapes]
_case_shapes(shapes) = [s === nothing ? nothing : Int[Int(d) for d in s] for s in shapes]

function run_symbol_step(net, state, step)
    what = step["do"]
    if what == "list_arguments" || what == "list_outputs" || what == "list_auxiliary_states"
        fn = what == "list_arguments" ? mx.list_arguments :
             what == "list_outputs" ? mx.list_outputs : mx.list_auxiliary_states
        got = String[string(n) for n in fn(net)]
        want = String[string(n) for n in step["expect"]]
        return got == want ? nothing : "got $(got), expected $(want)"
    elseif what == "infer_shape"
        shapes = Dict{Symbol,Any}(Symbol(k) => Tuple(reverse(Int[Int(d) for d in v])) for (k, v) in step["shapes"])
        args, outs, aux = mx.infer_shape_partial(net, shapes)
        haskey(step, "expect") || return nothing
        exp = step["expect"]
        for (label, got) in (("arg_shapes", args), ("out_shapes", outs), ("aux_shapes", aux))
            g = _core_shapes(got)
            w = _case_shapes(exp[label])
            g == w || return "$(label) $(g), expected $(w)"
        end
        return nothing
    elseif what == "bind"
        arg_names = mx.list_arguments(net)
        args = Dict{Symbol,mx.NDArray}(Symbol(k) => make_ndarray(v) for (k, v) in step["args"])
        aux = Dict{Symbol,mx.NDArray}(Symbol(k) => make_ndarray(v) for (k, v) in get(step, "aux", JSONObject()))
        gr = get(step, "grad_req", "write")
        reqs = gr isa AbstractString ? Dict{Symbol,Symbol}(n => Symbol(gr) for n in arg_names) :
               Dict{Symbol,Symbol}(Symbol(k) => Symbol(v) for (k, v) in gr)
        grads = Dict{Symbol,mx.NDArray}()
        for n in arg_names
            if get(reqs, n, :null) != :null && haskey(args, n)
                grads[n] = mx.zeros(eltype(args[n]), size(args[n]))
            end
        end
        state[:ex] = bind(net, mx.cpu(), args; args_grad=grads, aux_states=aux, grad_req=reqs)
        return nothing
    elseif what == "forward"
        ex = get(state, :ex, nothing)
        ex === nothing && return "no executor: no bind step before"
        mx.forward(ex; is_train=get(step, "is_train", false) == true)
        haskey(step, "expect_error") && (foreach(Array, ex.outputs); return nothing)
        exp = get(step, "expect", JSONObject())
        rtol, atol = _tolerances(exp)
        if haskey(exp, "outputs")
            length(ex.outputs) == length(exp["outputs"]) ||
                return "$(length(ex.outputs)) outputs, expected $(length(exp["outputs"]))"
            for (i, (o, w)) in enumerate(zip(ex.outputs, exp["outputs"]))
                r = compare(o, w, rtol, atol)
                r === nothing || return "output $(i - 1): $(r)"
            end
        end
        for (k, w) in get(exp, "aux", JSONObject())
            haskey(ex.aux_dict, Symbol(k)) || return "no auxiliary state $(k)"
            r = compare(ex.aux_dict[Symbol(k)], w, rtol, atol)
            r === nothing || return "aux $(k): $(r)"
        end
        return nothing
    elseif what == "backward"
        ex = get(state, :ex, nothing)
        ex === nothing && return "no executor: no bind step before"
        head = get(step, "head_grads", nothing)
        if head === nothing
            mx.backward(ex)
        else
            mx.backward(ex, [make_ndarray(h) for h in head]...)
        end
        haskey(step, "expect_error") && (foreach(Array, values(ex.grad_dict)); return nothing)
        exp = get(step, "expect", JSONObject())
        rtol, atol = _tolerances(exp)
        for (k, w) in get(exp, "grads", JSONObject())
            haskey(ex.grad_dict, Symbol(k)) || return "no gradient for $(k)"
            r = compare(ex.grad_dict[Symbol(k)], w, rtol, atol)
            r === nothing || return "gradient of $(k): $(r)"
        end
        return nothing
    end
    return "unknown step $(repr(what))"
end

function run_symbol(case)
    net = mx.from_json(case["json"])
    state = Dict{Symbol,Any}()
    for (i, step) in enumerate(case["steps"])
        label = "step $(i - 1) ($(step["do"]))"
        if haskey(step, "expect_error")
            err = try
                r = run_symbol_step(net, state, step)
                r === nothing || return "$(label): $(r)"
                nothing
            catch e
                e
            end
            err === nothing && return "$(label): expected $(step["expect_error"]["kind"]), but it succeeded"
            r = check_error(err, step["expect_error"])
            r === nothing || return "$(label): $(r)"
            step["do"] == "bind" && return nothing   # the program ends at a failed bind
            continue
        end
        r = run_symbol_step(net, state, step)
        r === nothing || return "$(label): $(r)"
    end
    return nothing
end

# Steps issued without waiting; values read only at the end.
function run_engine(case)
    arrays = Dict{String,mx.NDArray}(k => make_ndarray(v) for (k, v) in case["arrays"])
    for step in case["steps"]
        f = getproperty(mx.nd, Symbol(step["op"]))
        inputs = [arrays[n] for n in step["inputs"]]
        params = _params(get(step, "params", JSONObject()))
        out = step["out"]
        if haskey(arrays, out)
            f(inputs...; params..., out=arrays[out])
        else
            arrays[out] = f(inputs...; params...)
        end
    end
    exp = case["expect"]
    rtol, atol = _tolerances(exp)
    for (k, w) in exp["arrays"]
        haskey(arrays, k) || return "no array $(k)"
        r = compare(arrays[k], w, rtol, atol)
        r === nothing || return "array $(k): $(r)"
    end
    return nothing
end

function run_save_load(case)
    data = case["arrays"]
    return mktempdir() do dir
        path = joinpath(dir, "arrays.params")
        if data isa JSONObject
            names = copy(data.keys)
            arrays = [make_ndarray(v) for v in data.vals]
            mx.save(path, [k => a for (k, a) in zip(names, arrays)])
        else
            names = nothing
            arrays = [make_ndarray(v) for v in data]
            mx.save(path, arrays)
        end
        got, got_names = mx.load_arrays(path)
        if names === nothing
            got_names === nothing || return "saved as a list, loaded with names $(got_names)"
        else
            got_names === nothing && return "saved with names, loaded as a list"
            got_names == names || return "names $(got_names), expected $(names)"
        end
        length(got) == length(arrays) || return "$(length(got)) arrays loaded, $(length(arrays)) saved"
        for (i, (g, a)) in enumerate(zip(got, arrays))
            bits_equal(g, a) || return "array $(i - 1) differs after the round trip"
        end
        return nothing
    end
end

function run_load(case)
    return mktempdir() do dir
        hex = case["file_hex"]
        path = joinpath(dir, "case.params")
        if hex === nothing
            path = joinpath(dir, "absent", "case.params")
        else
            write(path, hex2bytes(hex))
        end
        if haskey(case, "expect_error")
            err = try
                mx.load_arrays(path)
                nothing
            catch e
                e
            end
            err === nothing && return "expected $(case["expect_error"]["kind"]), but the file loaded"
            return check_error(err, case["expect_error"]; file=path)
        end
        got, names = mx.load_arrays(path)
        exp = case["expect"]["arrays"]
        if exp isa JSONObject
            names == exp.keys || return "names $(names), expected $(exp.keys)"
            wants = exp.vals
        else
            names === nothing || return "loaded names $(names), expected a list"
            wants = exp
        end
        length(got) == length(wants) || return "$(length(got)) arrays, expected $(length(wants))"
        for (i, (g, w)) in enumerate(zip(got, wants))
            r = compare(g, w, 0.0, 0.0)
            r === nothing || return "array $(i - 1): $(r)"
        end
        return nothing
    end
end

function run_case(case)
    action = get(case, "action", nothing)
    action == "invoke" && return run_invoke(case)
    action == "grad" && return run_grad(case)
    action == "symbol" && return run_symbol(case)
    action == "engine" && return run_engine(case)
    action == "save_load" && return run_save_load(case)
    action == "load" && return run_load(case)
    return "unknown action $(repr(action))"
end

"""
    Conformance.run_cases(dir; io=stdout) -> (passed, failed)

Runs every case of every `dir/*.json` (sorted), printing a line per failure and the
summary line.
"""
function run_cases(dir::AbstractString; io::IO=stdout)
    passed = 0
    failed = 0
    for file in sort(filter(f -> endswith(f, ".json"), readdir(dir)))
        cases = try
            parse_json(read(joinpath(dir, file), String))
        catch e
            failed += 1
            println(io, "FAIL ", file, ": cannot read: ", sprint(showerror, e))
            continue
        end
        for case in cases
            id = case isa JSONObject ? string(get(case, "id", "?")) : "?"
            reason = try
                run_case(case)
            catch e
                "raised " * sprint(showerror, e)
            end
            if reason === nothing
                passed += 1
            else
                failed += 1
                println(io, "FAIL ", id, ": ", reason)
            end
        end
    end
    println(io, "conformance: ", passed, " passed, ", failed, " failed")
    return (passed, failed)
end

end # module Conformance
