# Structs: defaults, update syntax, pattern matching and how they print.
defmodule User do
  defstruct name: "anonymous", age: nil, roles: []
end

defmodule Account do
  @enforce_keys [:id]
  defstruct [:id, balance: 0]

  def new(id), do: %Account{id: id}
  def deposit(%Account{balance: b} = acc, amount) when amount > 0, do: %{acc | balance: b + amount}
end

defmodule Demo do
  def run do
    u = %User{}
    IO.inspect(u)
    ada = %User{name: "Ada", age: 36}
    IO.inspect(ada)
    IO.inspect(%{ada | roles: [:admin]})
    IO.inspect(ada.name)
    %User{name: name} = ada
    IO.inspect(name)
    IO.inspect(is_struct(ada))
    IO.inspect(is_struct(ada, User))
    IO.inspect(is_map(ada))
    IO.inspect(ada.__struct__)
    IO.inspect(Map.keys(ada))
    IO.inspect(match?(%User{}, %{name: "x"}))
    IO.inspect(match?(%{name: _}, ada))
    acc = Account.new(7) |> Account.deposit(50) |> Account.deposit(25)
    IO.inspect(acc)
    IO.inspect(struct(User, name: "built", unknown: :ignored))
    IO.inspect(Map.from_struct(ada))
    IO.inspect(%User{name: String.duplicate("long name ", 5), age: 99, roles: [:reader, :writer, :admin]})

    try do
      Account.deposit(acc, -1)
    rescue
      e -> IO.puts(Exception.message(e))
    end

    try do
      struct!(User, bogus: 1)
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

Demo.run()
