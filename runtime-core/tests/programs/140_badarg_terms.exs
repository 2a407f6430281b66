# A built-in given a bad argument raises the term `:badarg`, with the built-in's call at the top of the stack;
# `rescue` and the banners explain which argument was wrong.
defmodule Probe do
  def tuple, do: {:a}
  def five, do: 5
  def atom, do: :x
  def text, do: "12a"
  def empty, do: []

  def cases do
    [
      elem: fn -> elem(tuple(), five()) end,
      elem_not_tuple: fn -> elem(atom(), 0) end,
      elem_float: fn -> elem(tuple(), 1.0) end,
      elem_atom_index: fn -> elem(tuple(), atom()) end,
      put_elem: fn -> put_elem(tuple(), five(), :v) end,
      erlang_element: fn -> :erlang.element(atom(), atom()) end,
      hd: fn -> hd(empty()) end,
      tl: fn -> tl(empty()) end,
      length: fn -> length(atom()) end,
      tuple_size: fn -> tuple_size(atom()) end,
      byte_size: fn -> byte_size(atom()) end,
      abs: fn -> abs(atom()) end,
      round: fn -> round(atom()) end,
      trunc: fn -> trunc(atom()) end,
      atom_to_string: fn -> Atom.to_string(text()) end,
      to_integer: fn -> String.to_integer(text()) end,
      to_integer_base: fn -> String.to_integer("1", 99) end,
      to_integer_not_binary: fn -> String.to_integer(atom()) end,
      to_float: fn -> String.to_float(text()) end,
      to_atom: fn -> String.to_atom(five()) end,
      to_existing_atom: fn -> String.to_existing_atom("never_seen_anywhere_else") end,
      binary_to_atom: fn -> :erlang.binary_to_atom(five(), :utf8) end,
      integer_to_string: fn -> Integer.to_string(atom()) end,
      integer_to_string_base: fn -> Integer.to_string(10, 99) end,
      tuple_to_list: fn -> Tuple.to_list(atom()) end,
      list_to_tuple: fn -> List.to_tuple(atom()) end,
      tuple_append: fn -> Tuple.append(atom(), 1) end,
      tuple_insert_at: fn -> Tuple.insert_at(tuple(), five(), 0) end,
      tuple_delete_at: fn -> Tuple.delete_at(tuple(), five()) end,
      send: fn -> send(:nobody_here, :hi) end,
      process_exit: fn -> Process.exit(atom(), :kill) end,
      link: fn -> Process.link(atom()) end,
      unregister: fn -> Process.unregister(:nobody_here) end,
      apply: fn -> apply(Probe, :tuple, atom()) end,
      plain_badarg: fn -> :erlang.error(:badarg) end
    ]
  end
end

for {name, fun} <- Probe.cases() do
  try do
    fun.()
  catch
    kind, reason ->
      top =
        case __STACKTRACE__ do
          [{:erlang, _, _, _} = entry | _] -> entry
          _ -> :no_builtin_entry
        end

      IO.inspect({name, kind, reason}, label: "catch")
      IO.inspect(top, label: "  top")
      IO.puts("  " <> Exception.format_banner(kind, reason, __STACKTRACE__))
  end
end

try do
  elem(Probe.tuple(), Probe.five())
rescue
  e in ArgumentError -> IO.inspect(e, label: "rescue")
end
