# One rescued example of every common exception: struct name, message and the struct itself.
defmodule Cat do
  def v(x), do: x
  def clause(:only), do: :ok
  def with_else do
    with {:ok, x} <- v(:nope) do
      x
    else
      :other -> :other
    end
  end

  def show(label, fun) do
    try do
      fun.()
      IO.puts("#{label}: no exception")
    rescue
      e ->
        IO.puts("#{label}: #{inspect(e.__struct__)}")
        IO.puts("  message: #{Exception.message(e)}")
        IO.puts("  struct:  #{inspect(e)}")
    end
  end
end

Cat.show("runtime", fn -> raise "plain message" end)
Cat.show("argument", fn -> raise ArgumentError end)
Cat.show("arithmetic", fn -> 1 / Cat.v(0) end)
Cat.show("match", fn -> {:ok, _} = Cat.v(:error) end)
Cat.show("function clause", fn -> Cat.clause(Cat.v(:other)) end)
Cat.show("case clause", fn -> case Cat.v(:z) do :a -> 1 end end)
Cat.show("cond clause", fn -> cond do Cat.v(false) -> 1 end end)
Cat.show("with clause", fn -> Cat.with_else() end)
Cat.show("key", fn -> Map.fetch!(Cat.v(%{}), :k) end)
Cat.show("undefined function", fn -> apply(Cat, :nope, [1]) end)
Cat.show("undefined module", fn -> apply(NoSuchModule, :run, []) end)
Cat.show("undefined erlang module", fn -> apply(:no_such_mod, :run, [1, 2]) end)
Cat.show("bad arity", fn -> Cat.v(fn -> 1 end).(1) end)
Cat.show("bad function", fn -> Cat.v(:atom).() end)
Cat.show("bad map", fn -> %{Cat.v(1) | a: 1} end)
Cat.show("bad boolean", fn -> Cat.v(:x) and true end)
Cat.show("protocol", fn -> "#{Cat.v({1, 2})}" end)
Cat.show("enum empty", fn -> Enum.max(Cat.v([])) end)
Cat.show("system limit", fn -> :erlang.list_to_atom(List.duplicate(?a, Cat.v(300))) end)
Cat.show("erlang badarg", fn -> :erlang.atom_to_binary(Cat.v("no")) end)
Cat.show("no error", fn -> :fine end)
