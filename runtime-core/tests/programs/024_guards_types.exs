# Multi-clause functions dispatching on every type-check guard.
defmodule TypeOf do
  def of(x) when is_nil(x), do: "nil"
  def of(x) when is_boolean(x), do: "boolean"
  def of(x) when is_atom(x), do: "atom"
  def of(x) when is_integer(x), do: "integer"
  def of(x) when is_float(x), do: "float"
  def of(x) when is_binary(x), do: "binary"
  def of(x) when is_list(x), do: "list"
  def of(x) when is_tuple(x), do: "tuple"
  def of(x) when is_map(x), do: "map"
  def of(x) when is_function(x, 0), do: "function/0"
  def of(x) when is_function(x), do: "function"
  def of(x) when is_pid(x), do: "pid"
  def of(x) when is_reference(x), do: "reference"

  def number?(x) when is_number(x), do: true
  def number?(_), do: false
end

values = [nil, true, false, :a, 1, 2 ** 80, 1.5, "s", 'c', [], {}, %{}, 1..2,
          fn -> 0 end, fn x -> x end, &TypeOf.of/1, self(), make_ref()]

for v <- values, do: IO.puts(TypeOf.of(v))
IO.inspect(Enum.map([1, 1.0, :one, "1"], &TypeOf.number?/1))

defmodule Struct do
  def kind(%{__struct__: s}), do: {:struct, s}
  def kind(m) when is_map_key(m, :id), do: :has_id
  def kind(m) when is_map(m), do: :plain_map
end

IO.inspect(Struct.kind(1..2))
IO.inspect(Struct.kind(%{id: 1}))
IO.inspect(Struct.kind(%{}))
IO.inspect(is_struct(1..2))
IO.inspect(is_exception(%RuntimeError{}))
