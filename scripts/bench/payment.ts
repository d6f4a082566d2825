/** The payment every benchmark server answers with (valid against specs/payments.yaml). */
export const payment = {
  id: 'pay_1',
  status: 'succeeded' as const,
  amount: { value: '12.50', currency: 'EUR' },
  refunded_amount: { value: '0.00', currency: 'EUR' },
  payment_method: { type: 'wallet' as const },
  created_at: '2026-11-22T10:00:00Z',
};
