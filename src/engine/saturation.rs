//! The saturation exercise: push one unit's output `a = σ(z)` towards a
//! target by gradient descent on `z`, each step moving z by η times the
//! activation's slope σ′(z) (the loss's own slope taken as 1, so only the
//! activation's slope sets the pace). A saturated unit, whose slope is near
//! 0, needs many steps; ReLU, whose slope is 1, few.

use serde::Serialize;

use super::activation::Activation;
use super::config::invalid;
use super::error::EngineError;

/// One state of the exercise: after `step` steps (0 is the start).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SaturationStep {
    pub step: usize,
    pub z: f64,
    pub a: f64,
    /// σ′(z), which the next step multiplies by η.
    pub slope: f64,
}

/// How the exercise ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum SaturationEnd {
    /// `a` reached the target (or passed it) after this many steps.
    Reached { steps: usize },
    /// The slope became 0 (ReLU for z ≤ 0): z can move no further.
    Stuck { steps: usize },
    /// The step limit ran out first.
    MaxSteps { steps: usize },
}

/// The whole exercise: every state from the start, and how it ended.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SaturationRun {
    pub states: Vec<SaturationStep>,
    pub end: SaturationEnd,
}

/// A checked exercise: z's start, the target for a, η and a step limit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Saturation {
    pub activation: Activation,
    pub z0: f64,
    pub target: f64,
    pub learning_rate: f64,
    pub max_steps: usize,
}

/// Targets count as reached within this relative distance, so that a
/// count a learner makes in exact decimals (0.9 − 4 × 0.1 = 0.5) is not
/// one step longer for a rounding error of the last binary digit.
const REACH_TOLERANCE: f64 = 1e-12;

/// The most steps an exercise may ask for: every step is kept (and a
/// lesson table shows each), so a file from a stranger cannot ask for
/// unbounded memory.
pub const MAX_STEPS: usize = 100_000;

impl Saturation {
    /// Checks every value: softmax has no single-unit form; the target must
    /// lie in the activation's range; η > 0; at least one step allowed.
    pub fn new(
        activation: Activation,
        z0: f64,
        target: f64,
        learning_rate: f64,
        max_steps: usize,
    ) -> Result<Self, EngineError> {
        if activation == Activation::Softmax {
            return Err(invalid(
                "the activation",
                "one that acts on a single unit",
                "softmax",
            ));
        }
        if !z0.is_finite() {
            return Err(invalid("the starting z", "a finite number", z0));
        }
        if !in_range(activation, target) {
            return Err(EngineError::InvalidValue {
                name: "the target",
                expected: "a value the activation can output",
                found: format!("{target}, outside {}", activation.range()),
            });
        }
        if !(learning_rate > 0.0 && learning_rate.is_finite()) {
            return Err(invalid(
                "the learning rate",
                "a finite number > 0",
                learning_rate,
            ));
        }
        if !(1..=MAX_STEPS).contains(&max_steps) {
            return Err(invalid("the step limit", "1 to 100000", max_steps));
        }
        Ok(Self {
            activation,
            z0,
            target,
            learning_rate,
            max_steps,
        })
    }

    /// Runs the exercise: z ← z − η·σ′(z) when a starts above the target,
    /// z ← z + η·σ′(z) when below, until a reaches the target, the slope is
    /// 0, or `max_steps` steps are taken.
    #[must_use]
    pub fn run(&self) -> SaturationRun {
        let f = self.activation;
        let state = |step, z: f64| SaturationStep {
            step,
            z,
            a: f.scalar(z),
            slope: f.scalar_derivative(z),
        };
        let first = state(0, self.z0);
        let down = first.a > self.target;
        let tol = REACH_TOLERANCE * self.target.abs().max(1.0);
        let reached = |a: f64| {
            if down {
                a <= self.target + tol
            } else {
                a >= self.target - tol
            }
        };
        let mut states = vec![first];
        let mut now = first;
        let end = loop {
            if reached(now.a) {
                break SaturationEnd::Reached { steps: now.step };
            }
            if now.slope == 0.0 {
                break SaturationEnd::Stuck { steps: now.step };
            }
            if now.step >= self.max_steps {
                break SaturationEnd::MaxSteps { steps: now.step };
            }
            let dz = self.learning_rate * now.slope;
            now = state(now.step + 1, if down { now.z - dz } else { now.z + dz });
            states.push(now);
        };
        SaturationRun { states, end }
    }
}

/// Whether `a` is a value σ can output.
fn in_range(f: Activation, a: f64) -> bool {
    a.is_finite()
        && match f {
            Activation::Sigmoid | Activation::Softmax => a > 0.0 && a < 1.0,
            Activation::Tanh => a > -1.0 && a < 1.0,
            Activation::Relu => a >= 0.0,
            Activation::Identity | Activation::LeakyRelu => true,
        }
}

/// The z at which σ outputs `a`: the inverse of the activation. ReLU's 0 is
/// the output of every z ≤ 0, so it has no single answer.
pub fn z_for(f: Activation, a: f64) -> Result<f64, EngineError> {
    let outside = || EngineError::InvalidValue {
        name: "the starting a",
        expected: "a value inside the activation's range",
        found: format!("{a}, outside {}", f.range()),
    };
    let inside_open = match f {
        Activation::Sigmoid | Activation::Softmax => a > 0.0 && a < 1.0,
        Activation::Tanh => a > -1.0 && a < 1.0,
        Activation::Relu => a > 0.0,
        Activation::Identity | Activation::LeakyRelu => a.is_finite(),
    };
    if !inside_open {
        return Err(outside());
    }
    Ok(match f {
        Activation::Sigmoid | Activation::Softmax => (a / (1.0 - a)).ln(),
        Activation::Tanh => a.atanh(),
        Activation::LeakyRelu if a < 0.0 => a / super::activation::LEAKY_SLOPE,
        Activation::Relu | Activation::LeakyRelu | Activation::Identity => a,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relu_from_point_nine_reaches_half_in_four_steps_of_a_tenth() {
        // 0.9 → 0.8 → 0.7 → 0.6 → 0.5, the slope 1 all the way.
        let run = Saturation::new(Activation::Relu, 0.9, 0.5, 0.1, 100)
            .unwrap()
            .run();
        assert_eq!(run.end, SaturationEnd::Reached { steps: 4 });
        assert_eq!(run.states.len(), 5);
    }

    #[test]
    fn relu_pushed_below_zero_gets_stuck() {
        let run = Saturation::new(Activation::Relu, 0.3, 0.0, 1.0, 100)
            .unwrap()
            .run();
        // z: 0.3 → −0.7, where a = 0 = target: reached, not stuck.
        assert_eq!(run.end, SaturationEnd::Reached { steps: 1 });
        let stuck = Saturation::new(Activation::Relu, -1.0, 0.5, 0.1, 100)
            .unwrap()
            .run();
        assert_eq!(stuck.end, SaturationEnd::Stuck { steps: 0 });
    }

    #[test]
    fn the_step_limit_ends_a_slow_run() {
        let run = Saturation::new(Activation::Sigmoid, 6.0, 0.5, 0.01, 10)
            .unwrap()
            .run();
        assert_eq!(run.end, SaturationEnd::MaxSteps { steps: 10 });
        assert_eq!(run.states.len(), 11);
    }

    #[test]
    fn targets_outside_the_range_and_softmax_are_refused() {
        assert!(Saturation::new(Activation::Sigmoid, 0.0, 1.0, 0.1, 10).is_err());
        assert!(Saturation::new(Activation::Tanh, 0.0, -1.5, 0.1, 10).is_err());
        assert!(Saturation::new(Activation::Relu, 0.0, -0.1, 0.1, 10).is_err());
        assert!(Saturation::new(Activation::Softmax, 0.0, 0.5, 0.1, 10).is_err());
        assert!(Saturation::new(Activation::Sigmoid, 0.0, 0.5, 0.0, 10).is_err());
        assert!(Saturation::new(Activation::Sigmoid, 0.0, 0.5, 0.1, 0).is_err());
        assert!(Saturation::new(Activation::Sigmoid, 0.0, 0.5, 0.1, MAX_STEPS + 1).is_err());
        assert!(z_for(Activation::Sigmoid, 1.0).is_err());
        assert!(z_for(Activation::Relu, 0.0).is_err());
        assert!((z_for(Activation::Sigmoid, 0.9).unwrap() - 9f64.ln()).abs() < 1e-15);
    }
}
