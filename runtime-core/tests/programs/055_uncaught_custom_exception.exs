# An uncaught exception defined by the program, with a message/1 callback.
defmodule ValidationError do
  defexception [:field, :problem]

  @impl true
  def message(%{field: field, problem: problem}), do: "#{field} #{problem}"
end

defmodule Validator do
  def check!(%{age: age}) when age < 0, do: raise(ValidationError, field: :age, problem: "must not be negative")
  def check!(user), do: user
end

IO.inspect(Validator.check!(%{age: 30}))
Validator.check!(%{age: -1})
