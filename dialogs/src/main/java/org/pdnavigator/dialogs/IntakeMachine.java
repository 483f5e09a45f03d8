package org.pdnavigator.dialogs;

import java.util.Optional;

/**
 * The conversation's state machine: which step an action leads to, and what it records. Our own small
 * interface, so the engine behind it (Spring Statemachine, no longer maintained) can be replaced.
 */
public interface IntakeMachine {

    /**
     * Fires an action at a step.
     *
     * @return the step and answers it leads to, or empty when the machine does not accept it there
     */
    Optional<Position> fire(Step step, Answers answers, Action action);

    /** A step and the answers that go with it. */
    record Position(Step step, Answers answers) {
    }
}
