# Atoms, including the ones that need quotes when inspected.
atoms = [
  :ok, :error, true, false, nil, :"hello world", :"9lives", :ok?, :done!,
  :Elixir, Elixir.Enum, String, :"Elixir.Foo", :"foo-bar", :_, :_private, :@, :+,
  :"", :"with\"quote", :a1, :A, :"lower.dot", :"foo@bar", :<>, :||, :"&&", :..,
  :==, :"=", :!, :%, :%{}, :{}, :"1", :éclair
]

for a <- atoms do
  IO.puts("#{inspect(a)}  #{a}")
end

IO.inspect(is_atom(nil))
IO.inspect(is_atom(Enum))
IO.inspect(Atom.to_string(:abc))
IO.inspect(String.to_atom("made up"))
IO.inspect(:abc == String.to_atom("abc"))
IO.inspect(Enum == :"Elixir.Enum")
IO.inspect(Atom.to_string(Enum))
IO.inspect(is_boolean(true))
IO.inspect(is_boolean(:true))
IO.inspect(true === :true)
IO.inspect([:b, :a, :c] |> Enum.sort())
IO.inspect({:nil, :false})
