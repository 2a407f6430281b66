# The forms of raise, custom exceptions and Exception.message/1.
defmodule InsufficientFunds do
  defexception [:needed, message: "not enough money"]
end

defmodule Overdrawn do
  defexception [:amount]

  @impl true
  def message(e), do: "overdrawn by #{e.amount}"
end

show = fn fun ->
  try do
    fun.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)} | #{Exception.message(e)} | #{inspect(e)}")
  end
end

show.(fn -> raise "a string message" end)
show.(fn -> raise RuntimeError end)
show.(fn -> raise RuntimeError, "runtime with message" end)
show.(fn -> raise ArgumentError, message: "keyword message" end)
show.(fn -> raise ArgumentError, "second-argument message" end)
show.(fn -> raise KeyError, key: :k, term: %{} end)
show.(fn -> raise %RuntimeError{message: "a struct"} end)
show.(fn -> raise InsufficientFunds end)
show.(fn -> raise InsufficientFunds, needed: 10 end)
show.(fn -> raise InsufficientFunds, message: "custom text", needed: 1 end)
show.(fn -> raise Overdrawn, amount: 42 end)
show.(fn -> raise "interpolated #{1 + 1}" end)

try do
  raise InsufficientFunds, needed: 5
rescue
  e in InsufficientFunds -> IO.inspect(e.needed, label: "needed")
end

try do
  raise Overdrawn, amount: 1
rescue
  e in [ArgumentError, Overdrawn] -> IO.inspect(e, label: "rescued from list")
end

result =
  try do
    raise ArgumentError, "only ArgumentError"
  rescue
    RuntimeError -> :runtime
    ArgumentError -> :argument
  end
IO.inspect(result)

IO.inspect(Exception.message(%ArgumentError{message: "built by hand"}))
IO.inspect(is_exception(InsufficientFunds.exception([])))
IO.inspect(Exception.exception?(:not))
IO.inspect(InsufficientFunds.exception(needed: 3))
IO.inspect(Exception.format(:error, %RuntimeError{message: "formatted"}))
IO.inspect(Exception.format(:throw, :ball))
IO.inspect(Exception.format(:exit, :shutdown))
IO.inspect(Exception.format_exit({:timeout, {GenServer, :call, [:srv, :ping, 5000]}}))
